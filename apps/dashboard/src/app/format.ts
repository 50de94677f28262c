/**
 * The one place figures become text on the dashboard; the rules live in
 * packages/messages/src/report/figures.ts, shared with the report description and its PDF. Every score, difference and interval on screen goes through
 * here, so the report never contradicts itself:
 * - one precision for every figure on the 1–5 scale (two decimals), targets included, so
 *   "4.00 vs target 3.80 → +0.20" always adds up;
 * - a difference between two shown figures is computed from the shown (rounded) figures;
 * - zero is never signed ("0.00", not "−0.00" or "+0.00") and a negative number has exactly one
 *   true minus sign ("−0.11", never "− −0.11");
 * - a word for a difference ("near target", "below target") is chosen from the shown figure.
 */

import * as figures from '@leaderscope/messages/src/report/figures';

export { DIGITS, NEAR_TARGET, round, shownDifference, fitBandKey, type FitBandKey } from '@leaderscope/messages/src/report/figures';

let locale = 'en';
/** The locale numbers and dates are written in: the intl locale (set by the i18n set-up, `I18nProvider`). */
export function setFormatLocale(next: string): void {
  locale = next;
}
export function formatLocale(): string {
  return locale;
}

const NONE = figures.NONE;

/** A figure on the scale: "3.80"; "—" when there is none. The same rules as the report and its PDF. */
export function score(value: number | null | undefined, digits = figures.DIGITS): string {
  return figures.score(locale, value, digits);
}

/** A difference with its sign: "+0.20", "−0.11", "0.00". */
export function signed(value: number | null | undefined, digits = figures.DIGITS): string {
  return figures.signed(locale, value, digits);
}

/** A share as a percentage: "67%". */
export function percent(share: number | null | undefined): string {
  return figures.percent(locale, share);
}

export function formatDate(iso: string | Date | null | undefined, withTime = false): string {
  if (!iso) return NONE;
  const d = new Date(iso);
  return withTime
    ? d.toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatTime(iso: string | Date | number): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
