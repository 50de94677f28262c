import { surveySubmittedV1 } from '@leaderscope/events';
import { getInstrument, DEFAULT_INSTRUMENT_ID } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { ConflictError, FieldProblem, InputError } from '../common/errors';
import { SubmitSurveyInput } from './dto/submit-survey.input';
import { SubmissionReceipt, SubmissionStatusValue } from './dto/submission-receipt.model';
import { SubmissionEntity } from './submission.entity';

/** Until organisations and sign-in land (the API issue), every submission belongs to this one. */
export const DEFAULT_ORGANISATION_ID = 'demo';

@Injectable()
export class SurveysService {
  constructor(
    private readonly outbox: OutboxService,
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
  ) {}

  /**
   * Checks a submission against the instrument and publishes it (through the outbox) for the
   * survey service to record. Idempotent on `idempotencyKey`.
   */
  async submit(input: SubmitSurveyInput): Promise<SubmissionReceipt> {
    const requestHash = createHash('sha256').update(JSON.stringify({ ...input, idempotencyKey: undefined })).digest('hex');
    const existing = await this.submissions.findOneBy({ idempotencyKey: input.idempotencyKey });
    if (existing) return this.replay(existing, requestHash);

    let instrument;
    try {
      instrument = getInstrument(DEFAULT_INSTRUMENT_ID, input.instrumentVersion ?? undefined);
    } catch (error) {
      throw new InputError([{ field: 'input.instrumentVersion', message: (error as Error).message }]);
    }
    const problems: FieldProblem[] = [];
    const items = new Map(instrument.items.map((item) => [item.id, item]));
    const answers: Record<string, number | null> = {};
    input.answers.forEach((answer, i) => {
      const item = items.get(answer.itemId);
      const field = `input.answers[${i}]`;
      if (!item) problems.push({ field: `${field}.itemId`, message: `unknown item "${answer.itemId}"` });
      else if (item.observers && !item.observers.includes(input.raterGroup)) {
        problems.push({ field: `${field}.itemId`, message: `the ${input.raterGroup} group is not asked item "${answer.itemId}"` });
      }
      if (answer.itemId in answers) problems.push({ field: `${field}.itemId`, message: `item "${answer.itemId}" is answered twice` });
      const value = answer.value ?? null;
      if (value !== null && (value < instrument.scale.min || value > instrument.scale.max)) {
        problems.push({ field: `${field}.value`, message: `must be between ${instrument.scale.min} and ${instrument.scale.max}, or null for "not able to rate"` });
      }
      answers[answer.itemId] = value;
    });
    const dimensions = new Set(instrument.dimensions.map((d) => d.id));
    const comments: Record<string, string> = {};
    (input.comments ?? []).forEach((comment, i) => {
      if (!dimensions.has(comment.dimensionId)) {
        problems.push({ field: `input.comments[${i}].dimensionId`, message: `unknown dimension "${comment.dimensionId}"` });
      }
      comments[comment.dimensionId] = comment.text;
    });
    if (problems.length > 0) throw new InputError(problems);

    try {
      const submission = await this.outbox.transact(async ({ manager, emit }) => {
        const row = manager.getRepository(SubmissionEntity).create({
          id: randomUUID(),
          idempotencyKey: input.idempotencyKey,
          requestHash,
          organisationId: DEFAULT_ORGANISATION_ID,
          cycleId: input.cycleId,
          subjectId: input.subjectId,
          raterId: input.raterId,
          status: 'accepted',
          reasons: null,
        });
        await manager.getRepository(SubmissionEntity).insert(row);
        emit(
          surveySubmittedV1,
          {
            submissionId: row.id,
            cycleId: input.cycleId,
            subjectId: input.subjectId,
            raterId: input.raterId,
            raterGroup: input.raterGroup,
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            answers,
            comments,
            submittedAt: new Date().toISOString(),
          },
          { organisationId: DEFAULT_ORGANISATION_ID, correlationId: row.id },
        );
        return row;
      });
      return this.toReceipt(submission);
    } catch (error) {
      // Two requests with one key at once: the loser replays the winner's receipt.
      if ((error as { code?: string }).code === '23505') {
        const winner = await this.submissions.findOneBy({ idempotencyKey: input.idempotencyKey });
        if (winner) return this.replay(winner, requestHash);
      }
      throw error;
    }
  }

  async receipt(submissionId: string): Promise<SubmissionReceipt | null> {
    const row = await this.submissions.findOneBy({ id: submissionId });
    return row ? this.toReceipt(row) : null;
  }

  /** Applies what the survey service decided (`response.recorded` / `response.rejected`). */
  async markOutcome(submissionId: string, status: 'recorded' | 'rejected', reasons: FieldProblem[] | null): Promise<void> {
    await this.submissions.update({ id: submissionId }, { status, reasons });
  }

  private replay(existing: SubmissionEntity, requestHash: string): SubmissionReceipt {
    if (existing.requestHash !== requestHash) {
      throw new ConflictError('This idempotency key was already used for a different submission');
    }
    return this.toReceipt(existing);
  }

  private toReceipt(row: SubmissionEntity): SubmissionReceipt {
    return {
      submissionId: row.id,
      status: row.status as SubmissionStatusValue,
      acceptedAt: row.acceptedAt,
      reasons: row.reasons ?? [],
    };
  }
}
