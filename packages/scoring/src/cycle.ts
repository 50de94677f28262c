/** scoreCycle: norms (percentiles within the cycle) and instrument reliability, in one streaming pass. */
import { ScoringInputError } from './errors';
import { sortedPercentileRank } from './norms';
import { prepareInstrument, resolvePolicy } from './prepare';
import { scoreSubjectInternal } from './score-subject';
import { Instrument, isPublished, Policy, RATER_GROUPS, RaterGroup, RaterResponse, SubjectScores } from './types';

export interface CycleSubject {
  subjectId: string;
  responses: RaterResponse[];
  expectations?: Record<string, number>;
}

export interface ScoreCycleInput {
  instrument: Instrument;
  /** any iterable, e.g. a generator: subjects are scored one at a time and not retained */
  subjects: Iterable<CycleSubject>;
  policy?: Partial<Policy>;
  /** norms need at least this many subjects with a published others score; default and minimum 10 */
  minNormSubjects?: number;
  /** called with each subject's scores as it is scored (lets a caller persist them while streaming) */
  onSubject?: (subjectId: string, scores: SubjectScores) => void;
}

export interface DimensionNorm {
  dimensionId: string;
  /** subjects whose `others` mean is published on this dimension */
  n: number;
  available: boolean;
  reason: string | null;
}

export interface SubjectNorms {
  subjectId: string;
  /** dimensionId -> percentile rank 0..100 (mid-rank), null when not available */
  percentiles: Record<string, number | null>;
}

export interface DimensionAlpha {
  dimensionId: string;
  alpha: number | null;
  /** raters with every item of the dimension answered (complete rows) */
  respondents: number;
  items: number;
}

export interface GroupIcc {
  group: RaterGroup;
  /** ICC(1) of the group's dimension scores, subjects as targets, per dimension */
  dimensions: {
    dimensionId: string;
    icc1: number | null;
    subjects: number;
    raters: number;
    /** ICC(1,k): reliability of the mean of the group's k₀ raters, (MSB − MSW)/MSB */
    icck: number | null;
    /** k₀, the (adjusted) average number of the group's raters per subject */
    k0: number | null;
  }[];
  /** mean of the non-null dimension values */
  mean: number | null;
  /** mean of the non-null ICC(1,k) values */
  meanIcck: number | null;
}

export interface CycleResult {
  subjectCount: number;
  norms: { minSubjects: number; dimensions: DimensionNorm[]; subjects: SubjectNorms[] };
  reliability: { alpha: DimensionAlpha[]; icc1: GroupIcc[] };
}

/**
 * Scores a whole cycle. Memory: the per-subject state kept is one number per dimension (for the
 * norms) plus fixed-size accumulators; responses are not retained.
 */
export function scoreCycle(input: ScoreCycleInput): CycleResult {
  if (!input || typeof input !== 'object') throw new ScoringInputError('scoreCycle: input must be an object');
  const inst = prepareInstrument(input.instrument);
  const policy = resolvePolicy(input.policy, input.instrument);
  const minSubjects = input.minNormSubjects ?? 10;
  if (!Number.isInteger(minSubjects) || minSubjects < 10)
    throw new ScoringInputError(`minNormSubjects must be an integer >= 10, got ${String(minSubjects)}`);
  if (!input.subjects || typeof input.subjects[Symbol.iterator] !== 'function')
    throw new ScoringInputError('scoreCycle: subjects must be an iterable');
  const nD = inst.dimensionIds.length;

  // Norm state: per subject, the others mean per dimension (NaN = not published).
  const subjectIds: string[] = [];
  const seen = new Set<string>();
  const othersMeans: number[] = [];

  // Alpha accumulators per dimension: complete rows over all of the dimension's items.
  const alphaAcc = inst.dimItems.map((items) => ({
    items,
    n: 0,
    sum: new Float64Array(items.length),
    sumSq: new Float64Array(items.length),
    tSum: 0,
    tSumSq: 0,
  }));
  // ICC(1) accumulators per [group][dimension] (unbalanced one-way ANOVA).
  const iccAcc = RATER_GROUPS.map(() => inst.dimensionIds.map(() => ({ a: 0, N: 0, sum: 0, sumSq: 0, sumGroupSqOverN: 0, sumNSq: 0 })));
  const tmpSum = new Float64Array(6);
  const tmpN = new Int32Array(6);

  let index = 0;
  for (const subject of input.subjects) {
    if (!subject || typeof subject.subjectId !== 'string' || subject.subjectId === '')
      throw new ScoringInputError(`subjects[${index}].subjectId must be a non-empty string`);
    if (seen.has(subject.subjectId)) throw new ScoringInputError(`subject "${subject.subjectId}" is listed twice`);
    seen.add(subject.subjectId);
    let scored;
    try {
      scored = scoreSubjectInternal(
        { instrument: input.instrument, responses: subject.responses, expectations: subject.expectations },
        { inst, policy },
      );
    } catch (e) {
      if (e instanceof ScoringInputError) throw new ScoringInputError(`subject "${subject.subjectId}": ${e.message}`);
      throw e;
    }
    subjectIds.push(subject.subjectId);
    const dims = scored.scores.dimensions;
    for (let d = 0; d < nD; d++) {
      const o = dims[d].others;
      othersMeans.push(isPublished(o) ? o.mean : NaN);
    }
    // Alpha.
    for (const r of scored.raters) {
      for (let d = 0; d < nD; d++) {
        const acc = alphaAcc[d];
        const items = acc.items;
        let complete = true;
        let t = 0;
        for (let j = 0; j < items.length; j++) {
          const v = r.values[items[j]];
          if (v !== v) {
            complete = false;
            break;
          }
          t += v;
        }
        if (!complete) continue;
        acc.n++;
        for (let j = 0; j < items.length; j++) {
          const v = r.values[items[j]];
          acc.sum[j] += v;
          acc.sumSq[j] += v * v;
        }
        acc.tSum += t;
        acc.tSumSq += t * t;
      }
    }
    // ICC(1): counted raters' dimension scores, grouped by subject.
    for (let d = 0; d < nD; d++) {
      tmpSum.fill(0);
      tmpN.fill(0);
      for (const ri of scored.counted[d]) {
        const r = scored.raters[ri];
        const obs = inst.observed[d][r.group];
        let s = 0;
        let c = 0;
        for (const it of obs) {
          const v = r.values[it];
          if (v === v) {
            s += v;
            c++;
          }
        }
        const x = s / c;
        const acc = iccAcc[r.group][d];
        acc.sum += x;
        acc.sumSq += x * x;
        acc.N++;
        tmpSum[r.group] += x;
        tmpN[r.group]++;
      }
      for (let g = 0; g < 6; g++) {
        if (tmpN[g] === 0) continue;
        const acc = iccAcc[g][d];
        acc.a++;
        acc.sumGroupSqOverN += (tmpSum[g] * tmpSum[g]) / tmpN[g];
        acc.sumNSq += tmpN[g] * tmpN[g];
      }
    }
    if (input.onSubject) input.onSubject(subject.subjectId, scored.scores);
    index++;
  }

  const S = subjectIds.length;
  // Norms.
  const normDims: DimensionNorm[] = [];
  const sortedByDim: (Float64Array | null)[] = [];
  for (let d = 0; d < nD; d++) {
    const vals: number[] = [];
    for (let s = 0; s < S; s++) {
      const v = othersMeans[s * nD + d];
      if (v === v) vals.push(v);
    }
    const available = vals.length >= minSubjects;
    normDims.push({
      dimensionId: inst.dimensionIds[d],
      n: vals.length,
      available,
      reason: available
        ? null
        : `norms need at least ${minSubjects} subjects with a published others score; this dimension has ${vals.length}`,
    });
    sortedByDim.push(available ? Float64Array.from(vals).sort() : null);
  }
  const subjects: SubjectNorms[] = subjectIds.map((id, s) => {
    const percentiles: Record<string, number | null> = {};
    for (let d = 0; d < nD; d++) {
      const v = othersMeans[s * nD + d];
      const sorted = sortedByDim[d];
      percentiles[inst.dimensionIds[d]] = sorted && v === v ? sortedPercentileRank(sorted, v) : null;
    }
    return { subjectId: id, percentiles };
  });

  // Reliability.
  const alpha: DimensionAlpha[] = alphaAcc.map((acc, d) => {
    const k = acc.items.length;
    let value: number | null = null;
    if (k >= 2 && acc.n >= 2) {
      const n = acc.n;
      let sumItemVar = 0;
      for (let j = 0; j < k; j++) sumItemVar += (acc.sumSq[j] - (acc.sum[j] * acc.sum[j]) / n) / (n - 1);
      const totalVar = (acc.tSumSq - (acc.tSum * acc.tSum) / n) / (n - 1);
      if (totalVar > 1e-12) value = (k / (k - 1)) * (1 - sumItemVar / totalVar);
    }
    return { dimensionId: inst.dimensionIds[d], alpha: value, respondents: acc.n, items: k };
  });
  const icc1: GroupIcc[] = RATER_GROUPS.map((group, g) => {
    const dimensions = inst.dimensionIds.map((dimensionId, d) => {
      const acc = iccAcc[g][d];
      let value: number | null = null;
      let icck: number | null = null;
      let k0: number | null = null;
      const { a, N } = acc;
      if (a >= 2 && N - a >= 1) {
        const correction = (acc.sum * acc.sum) / N;
        const ssb = acc.sumGroupSqOverN - correction;
        const ssw = acc.sumSq - acc.sumGroupSqOverN;
        const msb = ssb / (a - 1);
        const msw = Math.max(0, ssw) / (N - a);
        k0 = (N - acc.sumNSq / N) / (a - 1);
        const denom = msb + (k0 - 1) * msw;
        if (denom > 1e-12) value = (msb - msw) / denom;
        if (msb > 1e-12) icck = (msb - msw) / msb;
      }
      return { dimensionId, icc1: value, subjects: a, raters: N, icck, k0 };
    });
    const meanOf = (xs: (number | null)[]) => {
      const vals = xs.filter((x): x is number => x !== null);
      return vals.length ? vals.reduce((p, q) => p + q, 0) / vals.length : null;
    };
    return { group, dimensions, mean: meanOf(dimensions.map((x) => x.icc1)), meanIcck: meanOf(dimensions.map((x) => x.icck)) };
  });

  return {
    subjectCount: S,
    norms: { minSubjects, dimensions: normDims, subjects },
    reliability: { alpha, icc1 },
  };
}
