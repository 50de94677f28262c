/**
 * The follow-up pulse result: one figure per focus area of a leader's development plan, each the
 * `others` figure of the pulse's slot item for that focus area (mean, 95% t interval and n), exactly
 * as the item-level results computed and suppressed it below the anonymity threshold. Nothing new is
 * computed from answers here, so the pulse shows nothing the item-level rules would not show.
 *
 * A focus area's change is called only when its interval excludes zero ("no change" on the −3…+3
 * scale): `more-effective` above, `less-effective` below, `not-called` otherwise (or with one answer,
 * which has no interval). A suppressed figure has no call.
 */
import { ScoringInputError } from './errors';
import type { ItemResult } from './items';
import { isPublished, Published, RaterGroup, Suppressed } from './types';

export type PulseCall = 'more-effective' | 'less-effective' | 'not-called';

export interface PulseFocusResult<F> {
  focusArea: F;
  /** the slot item the focus area was asked as */
  slot: string;
  /** the slot item's `others` figure: published (with the groups it includes) or suppressed (n only) */
  result: (Published & { includes: RaterGroup[] }) | Suppressed;
  /** null when suppressed */
  call: PulseCall | null;
}

export interface PulseResultInput<F extends { slot: string }> {
  /** the pulse report's item results (`report.items.items` of `buildSubjectReport`) */
  items: ItemResult[];
  /** the plan's focus areas in plan order, each with the slot item it was asked as */
  focusAreas: F[];
}

/** One result per focus area, in the order given. Pure and deterministic. */
export function pulseResult<F extends { slot: string }>(input: PulseResultInput<F>): PulseFocusResult<F>[] {
  if (!input || !Array.isArray(input.items) || !Array.isArray(input.focusAreas))
    throw new ScoringInputError('pulseResult: items and focusAreas must be arrays');
  const bySlot = new Map(input.items.map((i) => [i.itemId, i]));
  const seen = new Set<string>();
  return input.focusAreas.map((focusArea, i) => {
    const slot = focusArea?.slot;
    if (typeof slot !== 'string' || !bySlot.has(slot))
      throw new ScoringInputError(`pulseResult: focusAreas[${i}].slot "${String(slot)}" is not an item of the pulse`);
    if (seen.has(slot)) throw new ScoringInputError(`pulseResult: focusAreas[${i}].slot "${slot}" is used twice`);
    seen.add(slot);
    const others = bySlot.get(slot)!.others;
    if (!isPublished(others)) return { focusArea, slot, result: { suppressed: true, n: others.n, reason: others.reason }, call: null };
    const ci = others.ci95;
    const call: PulseCall = ci === null ? 'not-called' : ci[0] > 0 ? 'more-effective' : ci[1] < 0 ? 'less-effective' : 'not-called';
    return { focusArea, slot, result: { ...others, includes: [...others.includes] }, call };
  });
}
