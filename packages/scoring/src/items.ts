/**
 * Item-level results: every item's others mean with its 95% interval and n, by rater group where the
 * group is published on that item, and self versus others per item. The same anonymity rules as
 * dimensions (contract rules 4 and 5), applied per item:
 *
 * - an item figure reads only raters who are counted on the item's dimension (rule 2), whose group
 *   observes the item and who answered it;
 * - a group is published on the item when it is exempt, or has at least `minGroupSize` such raters
 *   **and its raters counted on the dimension all answered the same items of it** (`itemFiguresOf`
 *   says why); otherwise it is `Suppressed` (n only);
 * - `others` on the item may only draw on the groups in the dimension's published `others.includes`
 *   (a group left out of the dimension stays out of its items) that are published on the item, plus
 *   the groups the dimension hides but `others` takes, when those are uniform with one pattern and
 *   number at least `minGroupSize` on the item, so `others − published groups` never isolates fewer
 *   than `minGroupSize` raters.
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

/**
 * Which item figures a scored subject shows and whose answers each one reads (internal; the item
 * results and the disclosure rule's equations both come from it, so they never disagree).
 *
 * A group's item figures are shown only when its raters counted on the dimension all answered the
 * same items of it (the group is *uniform* on the dimension). Otherwise the dimension's figure,
 * which averages each rater over the items they answered, and the items' figures, which average each
 * item over the raters who answered it, weigh one rater differently and together give away a
 * functional of that rater's answers (for instance half the difference of two of their answers).
 * Uniformity also keeps every item figure's raters those of its dimension figure across snapshots
 * (which only grow, with frozen answers): an item figure changes exactly when its dimension figure
 * does, by the same raters, and a group that stops being uniform never becomes uniform again.
 */
export interface ItemFigures {
  /** item index in the prepared instrument */
  item: number;
  /** [group] -> indices (into raters) of the raters counted on the item's dimension who answered it */
  answered: number[][];
  /** [group] -> 1 when the group is published on the item */
  published: Uint8Array;
  /** the groups `others` reads on the item, in group order; empty when `others` is suppressed */
  othersIncludes: number[];
}

export function itemFiguresOf(scored: ScoredSubject): ItemFigures[] {
  const { inst, raters, policy, counted, scores } = scored;
  const exempt = new Uint8Array(6);
  for (const g of policy.exemptGroups) exempt[RATER_GROUPS.indexOf(g)] = 1;
  const min = policy.minGroupSize;
  // per dimension: which groups are mixed, and the answered pattern of each uniform group
  const mixedOf: Uint8Array[] = [];
  const patternOf: string[][] = [];
  for (let d = 0; d < counted.length; d++) {
    const mixed = new Uint8Array(6);
    const pattern: string[] = ['', '', '', '', '', ''];
    const seen = new Uint8Array(6);
    for (const r of counted[d]) {
      const rater = raters[r];
      const g = rater.group;
      let p = '';
      // over every item of the dimension, so that patterns of groups observing different items compare
      for (const it of inst.dimItems[d]) p += inst.itemObservers[it] & (1 << g) && rater.values[it] === rater.values[it] ? '1' : '0';
      if (!seen[g]) {
        seen[g] = 1;
        pattern[g] = p;
      } else if (pattern[g] !== p) mixed[g] = 1;
    }
    mixedOf.push(mixed);
    patternOf.push(pattern);
  }
  const out: ItemFigures[] = [];
  for (let it = 0; it < inst.itemIds.length; it++) {
    const d = inst.itemDim[it];
    const dim = scores.dimensions[d];
    const mixed = mixedOf[d];
    const answered: number[][] = [[], [], [], [], [], []];
    for (const r of counted[d]) {
      const rater = raters[r];
      if (!(inst.itemObservers[it] & (1 << rater.group))) continue;
      const v = rater.values[it];
      if (v === v) answered[rater.group].push(r);
    }
    const published = new Uint8Array(6);
    for (let g = 0; g < 6; g++) {
      const n = answered[g].length;
      if (n > 0 && (exempt[g] || (n >= min && (!mixed[g] || inst.itemFiguresOnly)))) published[g] = 1;
    }
    let othersIncludes: number[] = [];
    if (isPublished(dim.others)) {
      const eligible = (dim.others as { includes: RaterGroup[] }).includes.map((g) => RATER_GROUPS.indexOf(g));
      // The groups `others` takes although the dimension hides them (fewer than minGroupSize) are
      // merged into the item's `others` only when they are all uniform with one and the same
      // pattern, so that the merged part is the dimension's hidden part item by item (never a
      // smaller residual, never a different weighting of one rater).
      // (An instrument that shows items only has no dimension figure to weigh against: there the
      // groups hidden on the item merge when they reach the threshold on it.)
      const hidden = eligible.filter((g) =>
        inst.itemFiguresOnly
          ? !exempt[g] && !published[g] && answered[g].length > 0
          : !exempt[g] && !isPublished(dim.groups[RATER_GROUPS[g]]),
      );
      // With `othersMean: 'mean-of-groups'` the dimension weighs each group alike while an item's
      // `others` pools answers: merged, the two would weigh one hidden rater differently, so hidden
      // groups stay out of the item's `others` there.
      const merge =
        hidden.length > 0 &&
        (inst.itemFiguresOnly || policy.othersMean !== 'mean-of-groups') &&
        (inst.itemFiguresOnly || hidden.every((g) => !mixed[g] && patternOf[d][g] === patternOf[d][hidden[0]])) &&
        hidden.reduce((sum, g) => sum + answered[g].length, 0) >= min;
      othersIncludes = eligible
        .filter((g) => answered[g].length > 0 && (published[g] || (merge && hidden.includes(g))))
        .sort((a, b) => a - b);
    }
    out.push({ item: it, answered, published, othersIncludes });
  }
  return out;
}

/**
 * Item results of a scored subject (internal: shares the prepared instrument and counted raters;
 * a caller that needs the item figures too passes the ones it computed).
 */
export function itemResultsOf(scored: ScoredSubject, topItems: number, figures = itemFiguresOf(scored)): ItemResults {
  const { inst, raters, policy } = scored;
  const min = policy.minGroupSize;
  const eu = (inst.points * inst.points - 1) / 12;
  const items: ItemResult[] = [];
  for (const { item: it, answered, published, othersIncludes } of figures) {
    const valuesOf = (g: number) => answered[g].map((r) => raters[r].values[it]);
    const groups: ItemResult['groups'] = {};
    for (let g = 0; g < 6; g++) {
      const n = answered[g].length;
      if (n === 0) continue;
      const name = RATER_GROUPS[g];
      if (published[g]) groups[name] = stat(valuesOf(g), eu);
      else
        groups[name] = {
          suppressed: true,
          n,
          reason:
            n < min
              ? `fewer than ${min} ${name} answers to this item (anonymity threshold)`
              : `${name} raters answered different items of this dimension (item figures are shown only when they answered the same ones, so that no answer can be told apart)`,
        };
    }
    let total = 0;
    for (let g = 1; g < 6; g++) total += answered[g].length;
    let others: ItemResult['others'];
    if (othersIncludes.length === 0) {
      others = {
        suppressed: true,
        n: total,
        reason: total === 0 ? 'no answers outside self' : `fewer than ${min} answers outside self in groups that may be shown on this item`,
      };
    } else {
      others = { ...stat(othersIncludes.flatMap(valuesOf), eu), includes: othersIncludes.map((g) => RATER_GROUPS[g]) };
    }
    const self = groups.self;
    const gap = isPublished(self) && isPublished(others) ? self.mean - others.mean : null;
    items.push({ itemId: inst.itemIds[it], dimensionId: inst.dimensionIds[inst.itemDim[it]], groups, others, gap });
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
