/**
 * The one place figures become text. Every score, difference and interval on screen goes through
 * here, so the report never contradicts itself:
 * - one precision for every figure on the 1–5 scale (two decimals), targets included, so
 *   "4.00 vs target 3.80 → +0.20" always adds up;
 * - a difference between two shown figures is computed from the shown (rounded) figures;
 * - zero is never signed ("0.00", not "−0.00" or "+0.00") and a negative number has exactly one
 *   true minus sign ("−0.11", never "− −0.11");
 * - a word for a difference ("near target", "below target") is chosen from the shown figure.
 */

export const DIGITS = 2;

let locale = 'en';
/** The locale numbers and dates are written in (set by the i18n set-up). */
export function setFormatLocale(next: string): void {
  locale = next;
}
export function formatLocale(): string {
  return locale;
}

/** Rounds half away from zero at `digits`, never returning −0. */
export function round(value: number, digits = DIGITS): number {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON * f)) / f;
  return r === 0 ? 0 : r;
}

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number, signed: boolean): Intl.NumberFormat {
  const key = `${locale}:${digits}:${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, f);
  }
  return f;
}

const NONE = '—';

/** A figure on the scale: "3.80"; "—" when there is none. */
export function score(value: number | null | undefined, digits = DIGITS): string {
  if (value == null || Number.isNaN(value)) return NONE;
  return numberFormat(digits, false).format(round(value, digits)).replace('-', '−');
}

/** A difference with its sign: "+0.20", "−0.11", "0.00". */
export function signed(value: number | null | undefined, digits = DIGITS): string {
  if (value == null || Number.isNaN(value)) return NONE;
  return numberFormat(digits, true).format(round(value, digits)).replace('-', '−');
}

/** The difference between two figures as they are shown (each rounded first). */
export function shownDifference(a: number | null | undefined, b: number | null | undefined, digits = DIGITS): number | null {
  if (a == null || b == null) return null;
  return round(round(a, digits) - round(b, digits), digits);
}

/** A share as a percentage: "67%". */
export function percent(share: number | null | undefined): string {
  if (share == null || Number.isNaN(share)) return NONE;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Fit to target bands. "Near target" is within 0.25 either side, read from the shown figure. */
export const NEAR_TARGET = 0.25;
export type FitBandKey = 'none' | 'wellBelow' | 'below' | 'near' | 'above' | 'wellAbove';
export function fitBandKey(fit: number | null | undefined): FitBandKey {
  if (fit == null || Number.isNaN(fit)) return 'none';
  const f = round(fit);
  if (f <= -0.75) return 'wellBelow';
  if (f <= -NEAR_TARGET) return 'below';
  if (f < NEAR_TARGET) return 'near';
  if (f < 0.75) return 'above';
  return 'wellAbove';
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
