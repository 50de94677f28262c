import { groupLabel } from '@leaderscope/messages/src/report/groups';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { setFormatLocale } from './format';
import { errorMessages } from './messages';

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

const GROUP_NOUNS: Record<string, MessageDescriptor> = {
  self: errorMessages.groupSelf,
  manager: errorMessages.groupManager,
  peer: errorMessages.groupPeer,
  direct_report: errorMessages.groupDirectReport,
  skip_level: errorMessages.groupSkipLevel,
  other: errorMessages.groupOther,
};

/**
 * A rater group as a noun inside a sentence ("peer", "direct reports"), for `count` raters: its own
 * message, never a title-case label lower-cased (which breaks in languages that capitalise nouns).
 */
export function groupNoun(intl: IntlShape, group: string | null | undefined, count = 1): string {
  return intl.formatMessage((group && GROUP_NOUNS[group]) || errorMessages.groupUnknown, { count });
}

/** `groupNoun` with the intl at hand. */
export function useGroupNoun(): (group: string | null | undefined, count?: number) => string {
  const intl = useIntl();
  return (group, count) => groupNoun(intl, group, count);
}

/** A rater group in words ("Direct reports"): the same words the report uses. */
export function useGroupLabel(): (group: string | null | undefined) => string {
  const intl = useIntl();
  return (group) => groupLabel(intl, group);
}
