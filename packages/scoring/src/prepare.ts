/** Validation (contract rule 8) and the compact internal form used by the scorer. */
import { ScoringInputError } from './errors';
import { DEFAULT_POLICY, Instrument, Policy, RATER_GROUPS, RaterGroup, RaterResponse } from './types';

export const GROUP_INDEX: Readonly<Record<RaterGroup, number>> = Object.freeze({
  self: 0,
  manager: 1,
  peer: 2,
  direct_report: 3,
  skip_level: 4,
  other: 5,
});
export const SELF = 0;
const ALL_GROUPS_MASK = 0b111111;

export function isRaterGroup(x: unknown): x is RaterGroup {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(GROUP_INDEX, x);
}

const show = (v: unknown) => {
  try {
    return typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
};

export interface PreparedInstrument {
  min: number;
  max: number;
  /** number of scale points, max - min + 1 */
  points: number;
  dimensionIds: string[];
  dimIndex: Map<string, number>;
  itemIds: string[];
  itemIndex: Map<string, number>;
  itemDim: Int32Array;
  itemReverse: Uint8Array;
  itemObservers: Uint8Array; // bit g set = group g observes the item
  /** [dimension][group] -> item indices of that dimension the group observes */
  observed: number[][][];
  /** [dimension] -> item indices */
  dimItems: number[][];
  /** the instrument shows item figures only (see `Instrument.itemFiguresOnly`) */
  itemFiguresOnly: boolean;
}

export function prepareInstrument(instrument: Instrument): PreparedInstrument {
  if (!instrument || typeof instrument !== 'object') throw new ScoringInputError('instrument is missing');
  const scale = instrument.scale;
  if (!scale || typeof scale !== 'object') throw new ScoringInputError('instrument.scale is missing');
  const { min, max } = scale;
  if (!Number.isInteger(min) || !Number.isInteger(max))
    throw new ScoringInputError(`instrument.scale: min and max must be integers, got min=${show(min)}, max=${show(max)}`);
  if (!(min < max)) throw new ScoringInputError(`instrument.scale: min (${min}) must be below max (${max})`);
  if (!Array.isArray(instrument.dimensions) || instrument.dimensions.length === 0)
    throw new ScoringInputError('instrument.dimensions must be a non-empty array');
  if (!Array.isArray(instrument.items) || instrument.items.length === 0)
    throw new ScoringInputError('instrument.items must be a non-empty array');
  const dimIndex = new Map<string, number>();
  const dimensionIds: string[] = [];
  instrument.dimensions.forEach((d, i) => {
    const id = d?.id;
    if (typeof id !== 'string' || id === '')
      throw new ScoringInputError(`instrument.dimensions[${i}].id must be a non-empty string, got ${show(id)}`);
    if (dimIndex.has(id)) throw new ScoringInputError(`instrument.dimensions: duplicate dimension id "${id}"`);
    dimIndex.set(id, i);
    dimensionIds.push(id);
  });
  const nItems = instrument.items.length;
  const itemIndex = new Map<string, number>();
  const itemIds: string[] = [];
  const itemDim = new Int32Array(nItems);
  const itemReverse = new Uint8Array(nItems);
  const itemObservers = new Uint8Array(nItems);
  const dimItems: number[][] = dimensionIds.map(() => []);
  const observed: number[][][] = dimensionIds.map(() => RATER_GROUPS.map(() => [] as number[]));
  instrument.items.forEach((it, i) => {
    const id = it?.id;
    if (typeof id !== 'string' || id === '')
      throw new ScoringInputError(`instrument.items[${i}].id must be a non-empty string, got ${show(id)}`);
    if (itemIndex.has(id)) throw new ScoringInputError(`instrument.items: duplicate item id "${id}"`);
    const d = dimIndex.get(it.dimensionId);
    if (d === undefined) throw new ScoringInputError(`instrument item "${id}" refers to unknown dimension ${show(it.dimensionId)}`);
    if (it.reverse !== undefined && typeof it.reverse !== 'boolean')
      throw new ScoringInputError(`instrument item "${id}": reverse must be a boolean, got ${show(it.reverse)}`);
    let mask = ALL_GROUPS_MASK;
    if (it.observers !== undefined) {
      if (!Array.isArray(it.observers)) throw new ScoringInputError(`instrument item "${id}": observers must be an array of rater groups`);
      mask = 0;
      for (const g of it.observers) {
        if (!isRaterGroup(g)) throw new ScoringInputError(`instrument item "${id}": unknown rater group ${show(g)} in observers`);
        mask |= 1 << GROUP_INDEX[g];
      }
    }
    itemIndex.set(id, i);
    itemIds.push(id);
    itemDim[i] = d;
    itemReverse[i] = it.reverse ? 1 : 0;
    itemObservers[i] = mask;
    dimItems[d].push(i);
    for (let g = 0; g < 6; g++) if (mask & (1 << g)) observed[d][g].push(i);
  });
  return {
    min,
    max,
    points: max - min + 1,
    dimensionIds,
    dimIndex,
    itemIds,
    itemIndex,
    itemDim,
    itemReverse,
    itemObservers,
    observed,
    dimItems,
    itemFiguresOnly: instrument.itemFiguresOnly === true,
  };
}

/**
 * The policy in force: the given one, else the instrument's own item coverage (an instrument whose
 * raters answer only some items by design, like the follow-up pulse, sets it), else the defaults.
 */
export function resolvePolicy(policy: Partial<Policy> | undefined, instrument?: Pick<Instrument, 'minItemCoverage'>): Required<Policy> {
  if (policy !== undefined && (policy === null || typeof policy !== 'object')) throw new ScoringInputError('policy must be an object');
  const minGroupSize = policy?.minGroupSize ?? DEFAULT_POLICY.minGroupSize;
  const p: Required<Policy> = {
    minGroupSize,
    exemptGroups: policy?.exemptGroups ?? [...DEFAULT_POLICY.exemptGroups],
    minItemCoverage: policy?.minItemCoverage ?? instrument?.minItemCoverage ?? DEFAULT_POLICY.minItemCoverage,
    othersMean: policy?.othersMean ?? DEFAULT_POLICY.othersMean,
    commentThreshold: policy?.commentThreshold ?? minGroupSize,
  };
  if (!Number.isInteger(p.minGroupSize) || p.minGroupSize < 1)
    throw new ScoringInputError(`policy.minGroupSize must be an integer >= 1, got ${show(p.minGroupSize)}`);
  if (!Number.isInteger(p.commentThreshold) || p.commentThreshold < p.minGroupSize)
    throw new ScoringInputError(
      `policy.commentThreshold must be an integer >= policy.minGroupSize (${p.minGroupSize}), got ${show(p.commentThreshold)}`,
    );
  if (typeof p.minItemCoverage !== 'number' || !(p.minItemCoverage >= 0 && p.minItemCoverage <= 1))
    throw new ScoringInputError(`policy.minItemCoverage must be a number in [0, 1], got ${show(p.minItemCoverage)}`);
  if (!Array.isArray(p.exemptGroups)) throw new ScoringInputError('policy.exemptGroups must be an array of rater groups');
  for (const g of p.exemptGroups) if (!isRaterGroup(g)) throw new ScoringInputError(`policy.exemptGroups: unknown rater group ${show(g)}`);
  if (p.othersMean !== 'pooled' && p.othersMean !== 'mean-of-groups')
    throw new ScoringInputError(`policy.othersMean must be 'pooled' or 'mean-of-groups', got ${show(p.othersMean)}`);
  return p;
}

export interface PreparedRater {
  raterId: string;
  group: number;
  /** recoded answers by item index (reverse items flipped); NaN = not able to rate */
  values: Float64Array;
}

const byRaterId = (a: { raterId: string }, b: { raterId: string }) => (a.raterId < b.raterId ? -1 : a.raterId > b.raterId ? 1 : 0);

/**
 * Validates every response and returns them sorted by raterId, so that the order in which raters are
 * listed never influences a result (not even in the last floating-point bit).
 */
export function prepareResponses(responses: RaterResponse[], inst: PreparedInstrument): PreparedRater[] {
  if (!Array.isArray(responses)) throw new ScoringInputError('responses must be an array');
  const seen = new Set<string>();
  const out: PreparedRater[] = new Array<PreparedRater>(responses.length);
  const { min, max, itemIndex, itemReverse } = inst;
  const nItems = inst.itemIds.length;
  for (let r = 0; r < responses.length; r++) {
    const resp = responses[r];
    if (!resp || typeof resp !== 'object') throw new ScoringInputError(`responses[${r}] is not an object`);
    const raterId = resp.raterId;
    if (typeof raterId !== 'string' || raterId === '')
      throw new ScoringInputError(`responses[${r}].raterId must be a non-empty string, got ${show(raterId)}`);
    if (seen.has(raterId)) throw new ScoringInputError(`rater "${raterId}" is listed twice`);
    seen.add(raterId);
    if (!isRaterGroup(resp.group)) throw new ScoringInputError(`rater "${raterId}" has unknown group ${show(resp.group)}`);
    const answers = resp.answers;
    if (!answers || typeof answers !== 'object' || Array.isArray(answers))
      throw new ScoringInputError(`rater "${raterId}": answers must be an object of itemId -> number | null`);
    const values = new Float64Array(nItems).fill(NaN);
    for (const key in answers) {
      if (!Object.prototype.hasOwnProperty.call(answers, key)) continue;
      const idx = itemIndex.get(key);
      if (idx === undefined) throw new ScoringInputError(`rater "${raterId}" answered unknown item "${key}"`);
      const v = answers[key];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ScoringInputError(`rater "${raterId}", item "${key}": answer ${show(v)} is not a finite number`);
      if (v < min || v > max || !Number.isInteger(v))
        throw new ScoringInputError(`rater "${raterId}", item "${key}": answer ${v} is outside the scale (integers ${min}..${max})`);
      values[idx] = itemReverse[idx] ? min + max - v : v;
    }
    out[r] = { raterId, group: GROUP_INDEX[resp.group], values };
  }
  return out.sort(byRaterId);
}

export function validateTargets(targets: unknown, inst: PreparedInstrument, what: string): Record<string, number> {
  if (targets === undefined) return {};
  if (!targets || typeof targets !== 'object' || Array.isArray(targets))
    throw new ScoringInputError(`${what} must be an object of dimensionId -> target`);
  const t = targets as Record<string, unknown>;
  for (const k of Object.keys(t)) {
    if (!inst.dimIndex.has(k)) throw new ScoringInputError(`${what}: unknown dimension "${k}"`);
    const v = t[k];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ScoringInputError(`${what}["${k}"]: target ${show(v)} is not a finite number`);
    if (v < inst.min || v > inst.max)
      throw new ScoringInputError(`${what}["${k}"]: target ${v} is outside the scale ${inst.min}..${inst.max}`);
  }
  return t as Record<string, number>;
}
