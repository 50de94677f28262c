import { groupLabel } from '@leaderscope/messages/src/report/groups';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { setFormatLocale } from './format';

/**
 * Every user-facing string goes through FormatJS (react-intl): ICU messages with plurals, and
 * numbers and dates formatted for the locale. English is the source language: each message carries
 * its English text as `defaultMessage` next to where it is used, with a stable id, so a translation
 * is a catalogue of ids (`src/i18n/<locale>.json`) and components do not change.
 */
export const LOCALE = 'en';

export function I18nProvider({
  children,
  locale = LOCALE,
  messages,
}: {
  children: ReactNode;
  locale?: string;
  messages?: Record<string, string>;
}) {
  setFormatLocale(locale);
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={messages}>
      {children}
    </IntlProvider>
  );
}

/** A rater group in words ("Direct reports"): the same words the report uses. */
export function useGroupLabel(): (group: string | null | undefined) => string {
  const intl = useIntl();
  return (group) => groupLabel(intl, group);
}
