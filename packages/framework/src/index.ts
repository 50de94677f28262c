/** @leaderscope/framework: the leader-of-leaders instrument as versioned, validated data. */
export * from './types';
export { InstrumentValidationError, UnknownInstrumentError } from './errors';
export type { InstrumentIssue } from './errors';
export { parseInstrument, instrumentSchema, crossCheck, MIN_ITEMS_PER_DIMENSION, MAX_ITEMS_PER_DIMENSION } from './schema';
export { DEFAULT_INSTRUMENT_ID, BUILT_IN_INSTRUMENTS_DIR, getInstrument, listInstruments, loadInstrumentFile } from './registry';
export { canonicalJson, instrumentContentHash } from './hash';
export { checkAnswers } from './answers';
export type { AnswerProblem } from './answers';
export { PULSE_INSTRUMENT_ID, PULSE_INSTRUMENT_VERSION, PULSE_SLOTS } from './pulse';
export type { PulseSlot } from './pulse';
