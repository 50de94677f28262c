/**
 * The built-in follow-up pulse (`instruments/follow-up-pulse.v1.json`): one dimension, three slot
 * items on a −3…+3 change scale. A pulse asks one slot per focus area of the leader's development
 * plan, in the plan's order; the slots a plan does not have are sent as "not able to rate".
 */
export const PULSE_INSTRUMENT_ID = 'follow-up-pulse';
export const PULSE_INSTRUMENT_VERSION = 1;
/** Slot item ids, one per focus area, in plan order. */
export const PULSE_SLOTS = ['focus-1', 'focus-2', 'focus-3'] as const;
export type PulseSlot = (typeof PULSE_SLOTS)[number];
