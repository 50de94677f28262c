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
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ScoringInputError(`percentileRank: value ${String(value)} is not a finite number`);
  let below = 0;
  let equal = 0;
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ScoringInputError(`percentileRank: values[${i}] is not a finite number (${String(v)})`);
    if (v < value) below++;
    else if (v === value) equal++;
  });
  return (100 * (below + equal / 2)) / values.length;
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
  if (!Number.isInteger(minSubjects) || minSubjects < MIN_NORM_SUBJECTS)
    throw new ScoringInputError(`minSubjects must be an integer >= ${MIN_NORM_SUBJECTS}, got ${String(minSubjects)}`);
  if (!Array.isArray(normGroup)) throw new ScoringInputError('normGroup must be an array of scores');
  const normSize = normGroup.length;
  if (normSize < minSubjects)
    return {
      percentile: null,
      normSize,
      available: false,
      reason: `the norm group has ${normSize} subjects; norms need at least ${minSubjects}`,
    };
  return { percentile: percentileRank(normGroup, value), normSize, available: true, reason: null };
}
