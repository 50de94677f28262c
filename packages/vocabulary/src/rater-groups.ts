/**
 * Who a rater is to the subject. Direction: manager = up; peer and other = lateral;
 * direct_report and skip_level = down; self is the subject.
 */
export const RATER_GROUPS = ['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** Groups whose answers can be recognised (self; the one manager): shown even below the anonymity threshold. */
export const IDENTIFIABLE_GROUPS: readonly RaterGroup[] = ['self', 'manager'];

/** The groups a subject may nominate raters in themselves; HR handles the rest. */
export const SUBJECT_NOMINATED_GROUPS: readonly RaterGroup[] = ['peer', 'other'];

/** Minimum approved raters per group before a cycle can launch, unless HR sets others. */
export const DEFAULT_MIN_RATERS: Readonly<Partial<Record<RaterGroup, number>>> = { self: 1, manager: 1, peer: 3, direct_report: 3 };

export function isRaterGroup(value: unknown): value is RaterGroup {
  return typeof value === 'string' && (RATER_GROUPS as readonly string[]).includes(value);
}

/** Sorts groups in the display order of RATER_GROUPS. */
export function byGroupOrder(a: RaterGroup, b: RaterGroup): number {
  return RATER_GROUPS.indexOf(a) - RATER_GROUPS.indexOf(b);
}
