/**
 * The compiled fast path of the input pipe must never accept what class-validator refuses, and must
 * build the same instances as class-transformer: every value below goes through both.
 */
import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AnswerInput, SubmitSurveyInput, SurveyAnswersInput } from '../surveys/dto/survey.input';
import { InputError } from './errors';
import { compileInput, inputValidationPipe } from './validation.pipe';

const answers = (n: number) => Array.from({ length: n }, (_, i) => ({ itemId: `item-${i}`, value: i % 5 === 0 ? null : (i % 5) + 1 }));
const good = (): Record<string, unknown> => ({
  token: 't'.repeat(43),
  idempotencyKey: randomUUID(),
  answers: answers(24),
  comments: [{ dimensionId: 'dim-1', text: 'Clear priorities.' }],
});

/** Each a change that class-validator refuses, or accepts, at the edge of a constraint. */
const variants: [string, (v: Record<string, unknown>) => void][] = [
  ['as is', () => undefined],
  ['no comments', (v) => delete v.comments],
  ['comments null', (v) => (v.comments = null)],
  ['no answers', (v) => (v.answers = [])],
  ['500 answers', (v) => (v.answers = answers(500))],
  ['501 answers', (v) => (v.answers = answers(501))],
  ['token 19 chars', (v) => (v.token = 't'.repeat(19))],
  ['token 20 chars', (v) => (v.token = 't'.repeat(20))],
  ['token 201 chars', (v) => (v.token = 't'.repeat(201))],
  ['token a number', (v) => (v.token = 1234567890)],
  ['key not a UUID', (v) => (v.idempotencyKey = 'not-a-uuid')],
  ['key missing', (v) => delete v.idempotencyKey],
  ['empty item id', (v) => ((v.answers as { itemId: string }[])[3].itemId = '')],
  ['item id 101 chars', (v) => ((v.answers as { itemId: string }[])[3].itemId = 'i'.repeat(101))],
  ['value 2.5', (v) => ((v.answers as { value: unknown }[])[1].value = 2.5)],
  ['value a string', (v) => ((v.answers as { value: unknown }[])[1].value = '3')],
  ['value missing', (v) => delete (v.answers as { value?: unknown }[])[1].value],
  ['answer not an object', (v) => ((v.answers as unknown[])[2] = 'x')],
  ['answer null', (v) => ((v.answers as unknown[])[2] = null)],
  ['answers not an array', (v) => (v.answers = { itemId: 'a', value: 1 })],
  ['unknown field', (v) => (v.extra = 1)],
  ['unknown answer field', (v) => ((v.answers as Record<string, unknown>[])[0].weight = 2)],
  ['comment text 2001 chars', (v) => ((v.comments as { text: string }[])[0].text = 'c'.repeat(2001))],
  ['comment text 2000 chars', (v) => ((v.comments as { text: string }[])[0].text = 'c'.repeat(2000))],
  ['comment without dimension', (v) => delete (v.comments as { dimensionId?: string }[])[0].dimensionId],
  ['51 comments', (v) => (v.comments = Array.from({ length: 51 }, (_, i) => ({ dimensionId: `d${i}`, text: 'x' })))],
];

describe('input validation pipe: the compiled fast path', () => {
  const full = new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  const pipe = inputValidationPipe([SubmitSurveyInput, SurveyAnswersInput]);
  const outcome = (p: ValidationPipe, metatype: unknown, value: unknown) =>
    p.transform(structuredClone(value), { type: 'body', metatype: metatype as never }).then(
      (v: unknown) => ({ ok: true as const, value: v }),
      (e: unknown) => ({ ok: false as const, error: e }),
    );

  it('compiles the survey inputs (nested answers and comments included)', () => {
    expect(compileInput(SubmitSurveyInput)).not.toBeNull();
    expect(compileInput(SurveyAnswersInput)).not.toBeNull();
  });

  for (const metatype of [SubmitSurveyInput, SurveyAnswersInput]) {
    it.each(variants)(`${metatype.name}: %s — the same verdict and value as class-validator and class-transformer`, async (_, change) => {
      const value = good();
      if (metatype === SurveyAnswersInput) delete value.idempotencyKey;
      change(value);
      const expected = await outcome(full, metatype, value);
      const fast = compileInput(metatype)!.valid(structuredClone(value));
      if (fast) expect(expected.ok).toBe(true); // never accepts what class-validator refuses
      const actual = await outcome(pipe, metatype, value);
      expect(actual.ok).toBe(expected.ok);
      if (expected.ok && actual.ok) {
        expect(actual.value).toBeInstanceOf(metatype);
        expect(actual.value).toEqual(expected.value);
        for (const a of (actual.value as { answers: unknown[] }).answers) expect(a).toBeInstanceOf(AnswerInput);
      } else if (!actual.ok) {
        // Refused by the full pipe: class-validator's own field and reason.
        expect(actual.error).toBeInstanceOf(InputError);
      }
    });
  }

  it('takes the fast path for a valid survey (and only then)', () => {
    const compiled = compileInput(SubmitSurveyInput)!;
    expect(compiled.valid(good())).toBe(true);
    expect(compiled.valid({ ...good(), idempotencyKey: 'x' })).toBe(false);
  });
});
