/**
 * Norms: where a subject's score lies within a norm group (e.g. the cycle, and every closed cycle
 * of the same instrument version and role profile). Mid-rank percentile, so ties share one rank:
 *   percentile = 100 · (below + equal / 2) / N
 * (the "mean" kind of a percentile rank; a value equal to every other value sits at 50).
 * A percentile is shown only when the norm group has at least `minSubjects` (≥ 10) subjects,
 * and always with the size of the norm group.
 */
import { ScoringInputError } from './errors';

export const MIN_NORM_SUBJECTS = 10;

/** Mid-rank percentile of `value` among `values` (which need not contain it): 100·(below + equal/2)/N. */
export function percentileRank(values: readonly number[], value: number): number {
  if (!Array.isArray(values) || values.length === 0) throw new ScoringInputError('percentileRank: values must be a non-empty array');
  checkValue(value);
  let below = 0;
  let equal = 0;
  values.forEach((v, i) => {
    checkElement(v, i);
    if (v < value) below++;
    else if (v === value) equal++;
  });
  return (100 * (below + equal / 2)) / values.length;
}

function checkValue(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ScoringInputError(`percentileRank: value ${String(value)} is not a finite number`);
}

function checkElement(v: unknown, i: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ScoringInputError(`percentileRank: values[${i}] is not a finite number (${String(v)})`);
}

/**
 * `percentileRank` of `value` among `sorted` (ascending, finite): the same figure by two binary
 * searches, for many values against one group (ties: every `sorted[i] === value` is one of `equal`).
 */
export function sortedPercentileRank(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m] < value) lo = m + 1;
    else hi = m;
  }
  const below = lo;
  hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m] <= value) lo = m + 1;
    else hi = m;
  }
  const equal = lo - below;
  return (100 * (below + equal / 2)) / sorted.length;
}

export interface NormPercentile {
  /** 0..100, null when the norm group is too small */
  percentile: number | null;
  /** subjects in the norm group (always given, also when the percentile is withheld) */
  normSize: number;
  available: boolean;
  reason: string | null;
}

/**
 * The percentile of one subject's score within a norm group. `normGroup` holds one score per subject
 * of the norm group (the subject's own score included, as in the cycle norms of `scoreCycle`).
 */
export function normPercentile(value: number, normGroup: readonly number[], minSubjects: number = MIN_NORM_SUBJECTS): NormPercentile {
  const tooSmall = checkNormGroup(normGroup, minSubjects);
  if (tooSmall) return tooSmall;
  return { percentile: percentileRank(normGroup, value), normSize: normGroup.length, available: true, reason: null };
}

/**
 * One norm group for many subjects: `normPercentile(value, normGroup, minSubjects)` for every value
 * asked, with the group checked and sorted once (`normPercentile` scans the whole group at each call:
 * a cycle of S subjects scored against an organisation's norm group of about S subjects took S²
 * steps per dimension, about 10⁹ at 10,000 leaders). The same figures and errors; a score of the
 * group that is not a finite number is refused when the group is made.
 */
export function normGroupOf(
  normGroup: readonly number[],
  minSubjects: number = MIN_NORM_SUBJECTS,
): { normSize: number; percentileOf(value: number): NormPercentile } {
  const tooSmall = checkNormGroup(normGroup, minSubjects);
  const normSize = normGroup.length;
  if (tooSmall) return { normSize, percentileOf: () => ({ ...tooSmall }) };
  normGroup.forEach(checkElement);
  const sorted = Float64Array.from(normGroup).sort();
  return {
    normSize,
    percentileOf: (value) => {
      checkValue(value);
      return { percentile: sortedPercentileRank(sorted, value), normSize, available: true, reason: null };
    },
  };
}

/** Checks the arguments of a norm group; the withheld percentile when the group is too small, else null. */
function checkNormGroup(normGroup: readonly number[], minSubjects: number): NormPercentile | null {
  if (!Number.isInteger(minSubjects) || minSubjects < MIN_NORM_SUBJECTS)
    throw new ScoringInputError(`minSubjects must be an integer >= ${MIN_NORM_SUBJECTS}, got ${String(minSubjects)}`);
  if (!Array.isArray(normGroup)) throw new ScoringInputError('normGroup must be an array of scores');
  const normSize = normGroup.length;
  if (normSize >= minSubjects) return null;
  return {
    percentile: null,
    normSize,
    available: false,
    reason: `the norm group has ${normSize} subjects; norms need at least ${minSubjects}`,
  };
}
