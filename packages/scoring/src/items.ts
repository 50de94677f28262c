/**
 * Item-level results: every item's others mean with its 95% interval and n, by rater group where the
 * group is published on that item, and self versus others per item. The same anonymity rules as
 * dimensions (contract rules 4 and 5), applied per item:
 *
 * - an item figure reads only raters who are counted on the item's dimension (rule 2), whose group
 *   observes the item and who answered it;
 * - a group is published on the item when it is exempt or has at least `minGroupSize` such raters,
 *   otherwise it is `Suppressed` (n only);
 * - `others` on the item may only draw on the groups in the dimension's published `others.includes`
 *   (a group left out of the dimension stays out of its items); among them, groups hidden on the
 *   item are merged when together they number at least `minGroupSize`, else left out, so
 *   `others − published groups` never isolates fewer than `minGroupSize` raters.
 */
import { ScoredSubject, scoreSubjectInternal } from './score-subject';
import { ci95 } from './stats';
import { isPublished, Published, RATER_GROUPS, RaterGroup, ScoreSubjectInput, Suppressed } from './types';
import { ScoringInputError } from './errors';

export interface ItemResult {
  itemId: string;
  dimensionId: string;
  /** every group with >= 1 eligible answer to the item */
  groups: Partial<Record<RaterGroup, Published | Suppressed>>;
  others: (Published & { includes: RaterGroup[] }) | Suppressed;
  /** self.mean − others.mean when both are published on the item */
  gap: number | null;
}

export interface RankedItem {
  itemId: string;
  dimensionId: string;
  others: number;
  n: number;
  ci95: [number, number] | null;
}

export interface ItemResults {
  /** every item of the instrument, in instrument order */
  items: ItemResult[];
  /** up to `topItems` items with the highest published others mean */
  highest: RankedItem[];
  /** up to `topItems` items with the lowest published others mean (never also in `highest`) */
  lowest: RankedItem[];
}

function stat(values: number[], eu: number): Published {
  const n = values.length;
  let s = 0;
  for (const v of values) s += v;
  const m = s / n;
  let sd: number | null = null;
  let ci: [number, number] | null = null;
  let agreement: number | null = null;
  if (n >= 2) {
    let ss = 0;
    for (const v of values) ss += (v - m) * (v - m);
    const variance = ss / (n - 1);
    sd = Math.sqrt(variance);
    ci = ci95(m, sd, n);
    const r = 1 - variance / eu;
    agreement = r < 0 ? 0 : r > 1 ? 1 : r;
  }
  return { n, mean: m, sd, ci95: ci, rwg: agreement };
}

/** Item results of a scored subject (internal: shares the prepared instrument and counted raters). */
export function itemResultsOf(scored: ScoredSubject, topItems: number): ItemResults {
  const { inst, raters, policy, counted, scores } = scored;
  const exempt = new Uint8Array(6);
  for (const g of policy.exemptGroups) exempt[RATER_GROUPS.indexOf(g)] = 1;
  const min = policy.minGroupSize;
  const eu = (inst.points * inst.points - 1) / 12;
  const items: ItemResult[] = [];
  for (let it = 0; it < inst.itemIds.length; it++) {
    const d = inst.itemDim[it];
    const dim = scores.dimensions[d];
    const byGroup: number[][] = [[], [], [], [], [], []];
    for (const r of counted[d]) {
      const rater = raters[r];
      if (!(inst.itemObservers[it] & (1 << rater.group))) continue;
      const v = rater.values[it];
      if (v === v) byGroup[rater.group].push(v);
    }
    const groups: ItemResult['groups'] = {};
    const pub = new Uint8Array(6);
    for (let g = 0; g < 6; g++) {
      const n = byGroup[g].length;
      if (n === 0) continue;
      const name = RATER_GROUPS[g];
      if (exempt[g] || n >= min) {
        groups[name] = stat(byGroup[g], eu);
        pub[g] = 1;
      } else groups[name] = { suppressed: true, n, reason: `fewer than ${min} ${name} answers to this item (anonymity threshold)` };
    }
    const eligible = isPublished(dim.others) ? (dim.others as { includes: RaterGroup[] }).includes.map((g) => RATER_GROUPS.indexOf(g)) : [];
    let hidden = 0;
    let total = 0;
    for (let g = 1; g < 6; g++) total += byGroup[g].length;
    for (const g of eligible) if (!pub[g]) hidden += byGroup[g].length;
    const inc = eligible.filter((g) => byGroup[g].length > 0 && (pub[g] || hidden >= min)).sort((a, b) => a - b);
    let others: ItemResult['others'];
    if (inc.length === 0) {
      others = {
        suppressed: true,
        n: total,
        reason: total === 0 ? 'no answers outside self' : `fewer than ${min} answers outside self in groups that may be shown on this item`,
      };
    } else {
      const values: number[] = [];
      for (const g of inc) for (const v of byGroup[g]) values.push(v);
      others = { ...stat(values, eu), includes: inc.map((g) => RATER_GROUPS[g]) };
    }
    const self = groups.self;
    const gap = isPublished(self) && isPublished(others) ? self.mean - others.mean : null;
    items.push({ itemId: inst.itemIds[it], dimensionId: inst.dimensionIds[d], groups, others, gap });
  }
  const ranked: RankedItem[] = [];
  items.forEach((x) => {
    if (isPublished(x.others))
      ranked.push({ itemId: x.itemId, dimensionId: x.dimensionId, others: x.others.mean, n: x.others.n, ci95: x.others.ci95 });
  });
  const order = new Map(inst.itemIds.map((id, i) => [id, i]));
  const byOrder = (a: RankedItem, b: RankedItem) => order.get(a.itemId)! - order.get(b.itemId)!;
  const highest = [...ranked].sort((a, b) => b.others - a.others || byOrder(a, b)).slice(0, topItems);
  const top = new Set(highest.map((r) => r.itemId));
  const lowest = [...ranked]
    .sort((a, b) => a.others - b.others || byOrder(a, b))
    .filter((r) => !top.has(r.itemId))
    .slice(0, topItems);
  return { items, highest, lowest };
}

/**
 * Item-level results of one subject (same input as `scoreSubject`). Pure and deterministic;
 * `topItems` (default 5) is the length of the highest / lowest lists.
 */
export function scoreItems(input: ScoreSubjectInput & { topItems?: number }): ItemResults {
  const topItems = input?.topItems ?? 5;
  if (!Number.isInteger(topItems) || topItems < 0) throw new ScoringInputError(`topItems must be an integer >= 0, got ${String(topItems)}`);
  return itemResultsOf(scoreSubjectInternal(input), topItems);
}
