import type { InstrumentDefinition, RaterGroup } from './types';

/** One thing wrong with a set of answers; the caller turns `itemId`/`dimensionId` into its own field names. */
export type AnswerProblem =
  | { kind: 'unknown-item' | 'not-asked' | 'off-scale' | 'missing'; itemId: string; message: string }
  | { kind: 'unknown-dimension'; dimensionId: string; message: string };

/**
 * The rules every set of answers follows, wherever it is checked (the gateway before accepting a
 * survey, the survey service before recording it): each item exists and is asked of the rater's
 * group, each answer is a point on the scale or null ("not able to rate"), comments name real
 * dimensions, and — for a complete survey — every item the group is asked is answered.
 */
export function checkAnswers(
  instrument: InstrumentDefinition,
  group: RaterGroup,
  answers: Record<string, number | null>,
  comments: Record<string, string>,
  options: { complete: boolean },
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const { min, max } = instrument.scale;
  for (const [itemId, value] of Object.entries(answers)) {
    const item = items.get(itemId);
    if (!item)
      problems.push({ kind: 'unknown-item', itemId, message: `unknown item "${itemId}" in ${instrument.id} v${instrument.version}` });
    else if (!item.observers.includes(group))
      problems.push({ kind: 'not-asked', itemId, message: `item "${itemId}" is not asked of the ${group} group` });
    if (value !== null && !(Number.isInteger(value) && value >= min && value <= max)) {
      problems.push({ kind: 'off-scale', itemId, message: `must be a whole number from ${min} to ${max}, or null for "not able to rate"` });
    }
  }
  if (options.complete) {
    for (const item of instrument.items) {
      if (item.observers.includes(group) && !(item.id in answers)) {
        problems.push({ kind: 'missing', itemId: item.id, message: 'not answered: answer it or choose "not able to rate"' });
      }
    }
  }
  const dimensions = new Set(instrument.dimensions.map((d) => d.id));
  for (const dimensionId of Object.keys(comments)) {
    if (!dimensions.has(dimensionId))
      problems.push({ kind: 'unknown-dimension', dimensionId, message: `unknown dimension "${dimensionId}"` });
  }
  return problems;
}
