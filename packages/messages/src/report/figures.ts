/**
 * The one place report figures become text, on the screen and in the PDF alike, so the report never
 * contradicts itself:
 * - one precision for every figure on the 1–5 scale (two decimals), targets included, so
 *   "4.00 vs target 3.80 → +0.20" always adds up;
 * - a difference between two shown figures is computed from the shown (rounded) figures;
 * - zero is never signed ("0.00", not "−0.00" or "+0.00") and a negative number has exactly one
 *   true minus sign ("−0.11", never "− −0.11");
 * - a word for a difference ("near target", "below target") is chosen from the shown figure.
 * Numbers are written for the locale given (the intl locale of the screen or the PDF).
 */

export const DIGITS = 2;
/** Fit to target bands. "Near target" is within 0.25 either side, read from the shown figure. */
export const NEAR_TARGET = 0.25;
export const NONE = '—';

/** Rounds half away from zero at `digits`, never returning −0. */
export function round(value: number, digits = DIGITS): number {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON * f)) / f;
  return r === 0 ? 0 : r;
}

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number, signed: boolean): Intl.NumberFormat {
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

/** A figure on the scale: "3.80"; "—" when there is none. */
export function score(locale: string, value: number | null | undefined, digits = DIGITS): string {
  if (value == null || Number.isNaN(value)) return NONE;
  return numberFormat(locale, digits, false).format(round(value, digits)).replace('-', '−');
}

/** A difference with its sign: "+0.20", "−0.11", "0.00". */
export function signed(locale: string, value: number | null | undefined, digits = DIGITS): string {
  if (value == null || Number.isNaN(value)) return NONE;
  return numberFormat(locale, digits, true).format(round(value, digits)).replace('-', '−');
}

/** The difference between two figures as they are shown (each rounded first). */
export function shownDifference(a: number | null | undefined, b: number | null | undefined, digits = DIGITS): number | null {
  if (a == null || b == null) return null;
  return round(round(a, digits) - round(b, digits), digits);
}

/** A share as a percentage: "67%". */
export function percent(locale: string, share: number | null | undefined): string {
  if (share == null || Number.isNaN(share)) return NONE;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

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

/** The colours of the fit scale (colour-blind-safe, diverging), shared by the screen and the PDF. */
export const FIT_COLOURS: Record<FitBandKey, { color: string; text: string }> = {
  none: { color: '#eef0f3', text: '#374151' },
  wellBelow: { color: '#b2182b', text: '#ffffff' },
  below: { color: '#f4a582', text: '#3b0a0a' },
  near: { color: '#f2efe6', text: '#1f2937' },
  above: { color: '#92c5de', text: '#0b2a44' },
  wellAbove: { color: '#2166ac', text: '#ffffff' },
};

/** Series colours of the charts: others, self, target. */
export const SERIES_COLOURS = { others: '#2d549e', self: '#c2560c', target: '#4b5563' } as const;

/** Rater groups in the order reports list them. */
export const GROUP_ORDER = ['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other'];
