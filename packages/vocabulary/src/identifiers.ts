/** The built-in instrument, and the one a cycle uses unless HR picks another. */
export const LEADER_OF_LEADERS_INSTRUMENT = 'leader-of-leaders';
export const DEFAULT_INSTRUMENT_ID = LEADER_OF_LEADERS_INSTRUMENT;

/** Role profiles of the built-in instrument: the targets a report's fit is read against. */
export const ROLE_PROFILE_IDS = ['leader-of-leaders', 'leader-of-others', 'function-head'] as const;
export type RoleProfileId = (typeof ROLE_PROFILE_IDS)[number];
export const DEFAULT_ROLE_PROFILE_ID: RoleProfileId = 'leader-of-leaders';

/** The result set of a cycle's own scoring; each rescore adds another, named by its rescore id. */
export const LIVE_RESULT_SET = 'live';

/** Cycle states, in the order a cycle goes through them. */
export const CYCLE_STATUSES = ['draft', 'launched', 'closed', 'released'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
