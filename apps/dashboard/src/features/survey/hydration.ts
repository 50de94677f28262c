import { useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';

const never = () => () => {};

/**
 * False while the page is the HTML the gateway rendered (on the server, and while React hydrates
 * it), true once the page's script runs it. What depends on the browser (the rater's time zone,
 * a submit button that needs the script) is rendered for `false` first, so hydration matches.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/**
 * A date as "Dec 12, 2026" (or "December 12, 2026"): in the rater's time zone in the browser, in
 * UTC in the server's HTML (the rater's zone is unknown there), replaced as soon as the script runs.
 */
export function useSurveyDate(): (iso: string | Date, style?: 'medium' | 'long') => string {
  const hydrated = useHydrated();
  const intl = useIntl();
  return (iso, style = 'medium') =>
    intl.formatDate(new Date(iso), {
      year: 'numeric',
      month: style === 'long' ? 'long' : 'short',
      day: 'numeric',
      ...(hydrated ? {} : { timeZone: 'UTC' }),
    });
}
