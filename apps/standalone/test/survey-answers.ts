import { getInstrument, DEFAULT_INSTRUMENT_ID } from '@leaderscope/framework';
import { randomUUID } from 'node:crypto';

const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);
const { min, max } = instrument.scale;

/**
 * A complete submission in which the rater's score on every dimension is exactly `level`:
 * plain items are answered `level`, reverse-scored items `min + max - level`.
 */
export function submissionAt(level: number, rater: { cycleId: string; subjectId: string; raterId: string; raterGroup: string }) {
  const answers = instrument.items
    .filter((item) => !item.observers || item.observers.includes(rater.raterGroup as never))
    .map((item) => ({ itemId: item.id, value: item.reverse ? min + max - level : level }));
  return { idempotencyKey: randomUUID(), ...rater, answers };
}

export { instrument };
