import { checkAnswers, InstrumentDefinition } from '@leaderscope/framework';
import { FieldProblem } from '../common/errors';
import { RaterGroupName } from '../common/rater-group';
import { SurveyAnswersInput } from './dto/survey.input';

export interface CheckedAnswers {
  problems: FieldProblem[];
  answers: Record<string, number | null>;
  comments: Record<string, string>;
  /** How many items the rater's group answers. */
  total: number;
}

/**
 * The framework's answer rules (one set for the gateway and the survey service), with each
 * problem named by its place in the input. `complete` asks for every item to be answered.
 * `askedItems` (a follow-up pulse: the slots of the leader's plan) limits the survey to those items:
 * an answer to another item is refused, and a complete submission carries each of the others as
 * "not able to rate", so the framework's completeness rule and the survey service hold unchanged.
 */
export function checkSurveyAnswers(
  input: SurveyAnswersInput,
  instrument: InstrumentDefinition,
  raterGroup: RaterGroupName,
  complete: boolean,
  askedItems: readonly string[] | null = null,
): CheckedAnswers {
  const problems: FieldProblem[] = [];
  const position = new Map<string, number>();
  const answers: Record<string, number | null> = {};
  input.answers.forEach((answer, i) => {
    if (position.has(answer.itemId))
      problems.push({ field: `input.answers[${i}].itemId`, message: `item "${answer.itemId}" is answered twice` });
    else position.set(answer.itemId, i);
    answers[answer.itemId] = answer.value ?? null;
    if (askedItems && !askedItems.includes(answer.itemId) && instrument.items.some((it) => it.id === answer.itemId))
      problems.push({ field: `input.answers[${i}].itemId`, message: `item "${answer.itemId}" is not asked in this survey` });
  });
  if (askedItems && complete)
    for (const item of instrument.items) if (!askedItems.includes(item.id) && !(item.id in answers)) answers[item.id] = null;
  const comments: Record<string, string> = {};
  const commentPosition = new Map<string, number>();
  (input.comments ?? []).forEach((c, i) => {
    commentPosition.set(c.dimensionId, i);
    if (c.text.trim()) comments[c.dimensionId] = c.text.trim();
    else comments[c.dimensionId] ??= '';
  });
  const found = checkAnswers(instrument, raterGroup, answers, comments, { complete });
  for (const problem of found) {
    if (problem.kind === 'unknown-dimension') {
      problems.push({ field: `input.comments[${commentPosition.get(problem.dimensionId)}].dimensionId`, message: problem.message });
    } else if (problem.kind !== 'missing') {
      const field = `input.answers[${position.get(problem.itemId)}].${problem.kind === 'off-scale' ? 'value' : 'itemId'}`;
      problems.push({ field, message: problem.message });
    }
  }
  const missing = found.filter((p) => p.kind === 'missing').map((p) => ('itemId' in p ? p.itemId : ''));
  if (missing.length) {
    problems.push({
      field: 'input.answers',
      message: `${missing.length} item(s) not answered: ${missing.join(', ')} (answer each, or choose "not able to rate")`,
    });
  }
  for (const key of Object.keys(comments)) if (!comments[key]) delete comments[key];
  const total = instrument.items.filter((i) => i.observers.includes(raterGroup) && (!askedItems || askedItems.includes(i.id))).length;
  return { problems, answers, comments, total };
}
