/** scoreSubject: contract rules 1–8. */
import {
  GROUP_INDEX,
  PreparedInstrument,
  PreparedRater,
  prepareInstrument,
  prepareResponses,
  resolvePolicy,
  validateTargets,
} from './prepare';
import { ScoringInputError } from './errors';
import { rwgJFromMeanVariance } from './psychometrics';
import { ci95, tQuantile975 } from './stats';
import { DimensionScores, Policy, Published, RATER_GROUPS, ScoreSubjectInput, SubjectScores, Suppressed } from './types';

/** Everything the report builder needs besides the public scores. */
export interface ScoredSubject {
  scores: SubjectScores;
  inst: PreparedInstrument;
  raters: PreparedRater[];
  policy: Required<Policy>;
  /** [dimension] -> indices (into raters) of the raters counted on it */
  counted: number[][];
}

/** Mean, sd and CI of a set of rater scores, plus rwg(J) over the given items. */
function publish(scores: number[], raterIdx: number[], raters: PreparedRater[], items: number[], eu: number): Published {
  const n = scores.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += scores[i];
  const m = s / n;
  let sd: number | null = null;
  let ci: [number, number] | null = null;
  if (n >= 2) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (scores[i] - m) * (scores[i] - m);
    sd = Math.sqrt(ss / (n - 1));
    ci = ci95(m, sd, n);
  }
  return { n, mean: m, sd, ci95: ci, rwg: n >= 2 ? itemAgreement(raterIdx, raters, items, eu) : null };
}

/**
 * rwg(J) over a dimension's items for a set of raters. Each item's variance is taken over the raters
 * who answered it (pairwise, since "not able to rate" leaves holes); items with fewer than two
 * answers are left out of J. null when no item has two answers.
 */
export function itemAgreement(raterIdx: number[], raters: PreparedRater[], items: number[], eu: number): number | null {
  let J = 0;
  let sumVar = 0;
  for (let t = 0; t < items.length; t++) {
    const it = items[t];
    let c = 0;
    let s = 0;
    for (let i = 0; i < raterIdx.length; i++) {
      const v = raters[raterIdx[i]].values[it];
      if (v === v) {
        c++;
        s += v;
      }
    }
    if (c < 2) continue;
    const m = s / c;
    let ss = 0;
    for (let i = 0; i < raterIdx.length; i++) {
      const v = raters[raterIdx[i]].values[it];
      if (v === v) ss += (v - m) * (v - m);
    }
    sumVar += ss / (c - 1);
    J++;
  }
  if (J === 0) return null;
  return rwgJFromMeanVariance(sumVar / J, J, eu);
}

function suppressed(n: number, reason: string): Suppressed {
  return { suppressed: true, n, reason };
}

function unionItems(inst: PreparedInstrument, d: number, groups: number[]): number[] {
  const out: number[] = [];
  for (const it of inst.dimItems[d]) {
    for (const g of groups)
      if (inst.itemObservers[it] & (1 << g)) {
        out.push(it);
        break;
      }
  }
  return out;
}

export function scoreSubjectInternal(
  input: ScoreSubjectInput,
  prepared?: { inst: PreparedInstrument; policy: Required<Policy> },
): ScoredSubject {
  if (!input || typeof input !== 'object') throw new ScoringInputError('scoreSubject: input must be an object');
  const inst = prepared ? prepared.inst : prepareInstrument(input.instrument);
  const policy = prepared ? prepared.policy : resolvePolicy(input.policy, input.instrument);
  const expectations = validateTargets(input.expectations, inst, 'expectations');
  const raters = prepareResponses(input.responses, inst);
  const eu = (inst.points * inst.points - 1) / 12;
  const exempt = new Uint8Array(6);
  for (const g of policy.exemptGroups) exempt[GROUP_INDEX[g]] = 1;
  const min = policy.minGroupSize;

  const dimensions: DimensionScores[] = [];
  const counted: number[][] = [];
  const nD = inst.dimensionIds.length;
  for (let d = 0; d < nD; d++) {
    // Rule 2: each rater's dimension score, if they count.
    const byGroupScores: number[][] = [[], [], [], [], [], []];
    const byGroupRaters: number[][] = [[], [], [], [], [], []];
    const countedHere: number[] = [];
    for (let r = 0; r < raters.length; r++) {
      const rater = raters[r];
      const obs = inst.observed[d][rater.group];
      if (obs.length === 0) continue;
      let answered = 0;
      let sum = 0;
      for (let t = 0; t < obs.length; t++) {
        const v = rater.values[obs[t]];
        if (v === v) {
          answered++;
          sum += v;
        }
      }
      if (answered === 0 || answered / obs.length < policy.minItemCoverage) continue;
      byGroupScores[rater.group].push(sum / answered);
      byGroupRaters[rater.group].push(r);
      countedHere.push(r);
    }
    counted.push(countedHere);

    // Rules 3 and 4: per group.
    const groups: DimensionScores['groups'] = {};
    const groupMeans = new Float64Array(6);
    const isPub = new Uint8Array(6);
    for (let g = 0; g < 6; g++) {
      const n = byGroupScores[g].length;
      if (n === 0) continue;
      const name = RATER_GROUPS[g];
      if (exempt[g] || n >= min) {
        const p = publish(byGroupScores[g], byGroupRaters[g], raters, inst.observed[d][g], eu);
        groups[name] = p;
        groupMeans[g] = p.mean;
        isPub[g] = 1;
      } else {
        groups[name] = suppressed(n, `fewer than ${min} ${name} raters (anonymity threshold)`);
      }
    }

    // Rules 5 and 6: others. Hidden (suppressed) groups join only when together they are >= min.
    let hiddenN = 0;
    let totalN = 0;
    for (let g = 1; g < 6; g++) {
      const n = byGroupScores[g].length;
      totalN += n;
      if (n > 0 && !isPub[g]) hiddenN += n;
    }
    const includeHidden = hiddenN >= min;
    const inc: number[] = [];
    for (let g = 1; g < 6; g++) if (byGroupScores[g].length > 0 && (isPub[g] || includeHidden)) inc.push(g);
    let others: DimensionScores['others'];
    if (inc.length === 0) {
      others = suppressed(
        totalN,
        totalN === 0
          ? 'no counted raters outside self'
          : `only ${totalN} counted raters outside self, all in groups below the anonymity threshold of ${min}`,
      );
    } else {
      const scores: number[] = [];
      const idx: number[] = [];
      for (const g of inc) {
        for (const s of byGroupScores[g]) scores.push(s);
        for (const r of byGroupRaters[g]) idx.push(r);
      }
      const items = unionItems(inst, d, inc);
      const p = publish(scores, idx, raters, items, eu);
      if (policy.othersMean === 'mean-of-groups' && inc.length > 1) {
        const G = inc.length;
        let sumMeans = 0;
        let ssWithin = 0;
        let invN = 0;
        for (const g of inc) {
          const gs = byGroupScores[g];
          let s = 0;
          for (const x of gs) s += x;
          const gm = s / gs.length;
          sumMeans += gm;
          for (const x of gs) ssWithin += (x - gm) * (x - gm);
          invN += 1 / gs.length;
        }
        p.mean = sumMeans / G;
        const df = p.n - G;
        if (df >= 1) {
          const se = Math.sqrt((ssWithin / df) * invN) / G;
          const half = tQuantile975(df) * se;
          p.ci95 = [p.mean - half, p.mean + half];
        } else p.ci95 = null;
      }
      others = { ...p, includes: inc.map((g) => RATER_GROUPS[g]) };
    }

    // Rule 7.
    const selfP = groups.self;
    const othersPub = (others as Suppressed).suppressed !== true ? (others as Published) : null;
    const gap = selfP && (selfP as Suppressed).suppressed !== true && othersPub ? (selfP as Published).mean - othersPub.mean : null;
    const dimId = inst.dimensionIds[d];
    const target = Object.prototype.hasOwnProperty.call(expectations, dimId) ? expectations[dimId] : undefined;
    const expectation = target !== undefined && othersPub ? { target, fit: othersPub.mean - target } : null;
    dimensions.push({ dimensionId: dimId, groups, others, gap, expectation });
  }
  return { scores: { dimensions }, inst, raters, policy, counted };
}

/** Scores one subject (contract: rules 1–8). Pure and deterministic; throws ScoringInputError on bad input. */
export function scoreSubject(input: ScoreSubjectInput): SubjectScores {
  return scoreSubjectInternal(input).scores;
}
