/**
 * Change between two cycles, per dimension, from the published `others` of each: the difference of
 * the means with a 95% interval (Welch), called a change only when the interval excludes zero, and
 * a comparability note (raters in common, group mix, items in common).
 *
 * The two cycles' raters are treated as independent samples. Raters who rate in both cycles make the
 * two means positively correlated in practice, which makes this interval wider than a paired one
 * (conservative: it calls fewer changes, never more).
 */
import { ScoringInputError } from './errors';
import { prepareInstrument } from './prepare';
import { tQuantile975 } from './stats';
import { Instrument, isPublished, OthersMeanMethod, Published, RaterGroup, SubjectScores, Suppressed } from './types';

export interface MeanWithError {
  mean: number;
  n: number;
  /** the published 95% interval of the mean (null for n < 2) */
  ci95: [number, number] | null;
  /** degrees of freedom of that interval */
  df: number;
}

/**
 * 95% interval of (after − before) for two independent means, each given by its published interval:
 * se_i = half-width_i / t(0.975, df_i), se = √(se₁² + se₂²), Welch–Satterthwaite df.
 * Null when either side has no interval.
 */
export function changeInterval(before: MeanWithError, after: MeanWithError): [number, number] | null {
  if (!before.ci95 || !after.ci95 || before.df < 1 || after.df < 1) return null;
  const se1 = (before.ci95[1] - before.ci95[0]) / 2 / tQuantile975(before.df);
  const se2 = (after.ci95[1] - after.ci95[0]) / 2 / tQuantile975(after.df);
  const v1 = se1 * se1;
  const v2 = se2 * se2;
  const delta = after.mean - before.mean;
  const v = v1 + v2;
  if (v === 0) return [delta, delta];
  const denom = (v1 * v1) / before.df + (v2 * v2) / after.df;
  let df = denom > 0 ? (v * v) / denom : Math.min(before.df, after.df);
  if (!(df >= 1)) df = 1;
  const half = tQuantile975(df) * Math.sqrt(v);
  return [delta - half, delta + half];
}

export type ChangeCall = 'improved' | 'declined' | 'no-clear-change' | 'not-comparable';

export interface GroupMix {
  /** n per group published on the dimension and included in others */
  published: Partial<Record<RaterGroup, number>>;
  /** raters of groups below the threshold merged into others (no per-group n) */
  merged: number;
}

export interface DimensionChange {
  dimensionId: string;
  previous: { mean: number; n: number; ci95: [number, number] | null } | null;
  current: { mean: number; n: number; ci95: [number, number] | null } | null;
  /** current − previous */
  change: number | null;
  ci95: [number, number] | null;
  /** 'improved' / 'declined' only when the interval excludes zero */
  call: ChangeCall;
  comparability: {
    groupMix: { previous: GroupMix | null; current: GroupMix | null };
    /** items of this dimension in the current instrument that the previous one also had */
    itemsInCommon: { common: number; current: number; share: number } | null;
  };
}

export interface CycleChange {
  dimensions: DimensionChange[];
  /** non-self raters in both cycles, when stable rater keys are given; null otherwise */
  ratersInCommon: { common: number; previous: number; current: number; shareOfCurrent: number } | null;
}

export interface ChangeInput {
  previous: SubjectScores;
  current: SubjectScores;
  /** how `others` was formed in both (decides the interval's df); default 'pooled' */
  othersMean?: OthersMeanMethod;
  /** stable, pseudonymous keys of the non-self raters of each cycle (same key = same person) */
  previousRaters?: string[];
  currentRaters?: string[];
  /** instruments the previous responses were recorded with and the current one (items in common) */
  previousInstrument?: Instrument;
  currentInstrument?: Instrument;
}

function othersOf(s: (Published & { includes: RaterGroup[] }) | Suppressed, method: OthersMeanMethod): MeanWithError | null {
  if (!isPublished(s)) return null;
  const o = s;
  const df = method === 'mean-of-groups' && o.includes.length > 1 ? o.n - o.includes.length : o.n - 1;
  return { mean: o.mean, n: o.n, ci95: o.ci95, df };
}

function mixOf(d: SubjectScores['dimensions'][number]): GroupMix | null {
  if (!isPublished(d.others)) return null;
  const published: GroupMix['published'] = {};
  let merged = 0;
  for (const g of (d.others as { includes: RaterGroup[] }).includes) {
    const e = d.groups[g];
    if (!e) continue;
    if (isPublished(e)) published[g] = e.n;
    else merged += e.n;
  }
  return { published, merged };
}

/** Change per dimension between two cycles of one subject (the previous one ideally rescored like-for-like). */
export function changeBetweenCycles(input: ChangeInput): CycleChange {
  if (!input || typeof input !== 'object') throw new ScoringInputError('changeBetweenCycles: input must be an object');
  const { previous, current } = input;
  if (!previous || !Array.isArray(previous.dimensions)) throw new ScoringInputError('changeBetweenCycles: previous must be SubjectScores');
  if (!current || !Array.isArray(current.dimensions)) throw new ScoringInputError('changeBetweenCycles: current must be SubjectScores');
  const method = input.othersMean ?? 'pooled';
  if (method !== 'pooled' && method !== 'mean-of-groups')
    throw new ScoringInputError(`othersMean must be 'pooled' or 'mean-of-groups', got ${String(method)}`);
  const prevInst = input.previousInstrument ? prepareInstrument(input.previousInstrument) : null;
  const curInst = input.currentInstrument ? prepareInstrument(input.currentInstrument) : null;
  const prevDims = new Map(previous.dimensions.map((d) => [d.dimensionId, d]));
  const dimensions: DimensionChange[] = current.dimensions.map((cd) => {
    const pd = prevDims.get(cd.dimensionId);
    const a = pd ? othersOf(pd.others, method) : null;
    const b = othersOf(cd.others, method);
    let itemsInCommon: DimensionChange['comparability']['itemsInCommon'] = null;
    if (prevInst && curInst && curInst.dimIndex.has(cd.dimensionId)) {
      const items = curInst.dimItems[curInst.dimIndex.get(cd.dimensionId)!].map((i) => curInst.itemIds[i]);
      const common = items.filter((id) => {
        const j = prevInst.itemIndex.get(id);
        return j !== undefined && prevInst.dimensionIds[prevInst.itemDim[j]] === cd.dimensionId;
      }).length;
      itemsInCommon = { common, current: items.length, share: items.length ? common / items.length : 0 };
    }
    const change = a && b ? b.mean - a.mean : null;
    const ci = a && b ? changeInterval(a, b) : null;
    let call: ChangeCall = 'not-comparable';
    if (ci) call = ci[0] > 0 ? 'improved' : ci[1] < 0 ? 'declined' : 'no-clear-change';
    return {
      dimensionId: cd.dimensionId,
      previous: a ? { mean: a.mean, n: a.n, ci95: a.ci95 } : null,
      current: b ? { mean: b.mean, n: b.n, ci95: b.ci95 } : null,
      change,
      ci95: ci,
      call,
      comparability: { groupMix: { previous: pd ? mixOf(pd) : null, current: mixOf(cd) }, itemsInCommon },
    };
  });
  let ratersInCommon: CycleChange['ratersInCommon'] = null;
  if (input.previousRaters && input.currentRaters) {
    const p = new Set(input.previousRaters);
    const c = new Set(input.currentRaters);
    let common = 0;
    for (const k of c) if (p.has(k)) common++;
    ratersInCommon = { common, previous: p.size, current: c.size, shareOfCurrent: c.size ? common / c.size : 0 };
  }
  return { dimensions, ratersInCommon };
}
