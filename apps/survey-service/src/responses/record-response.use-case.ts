import {
  EventEnvelope,
  responseRecordedV1,
  responseRejectedV1,
  SurveySubmittedV1,
} from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RejectionEntity, ResponseEntity } from './response.entity';
import { validateSubmission } from './validate-submission';

export type RecordOutcome = { outcome: 'recorded'; responseId: string; responseVersion: number } | { outcome: 'rejected' } | { outcome: 'duplicate' };

/**
 * Records one survey submission: validates it against the instrument, stores it append-only and
 * emits `response.recorded` (or `response.rejected`) in the same transaction. Redelivery of the
 * same event, or a second event for the same submission, changes nothing.
 */
@Injectable()
export class RecordResponseUseCase {
  static readonly consumer = 'record-response';

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<SurveySubmittedV1>): Promise<RecordOutcome> {
    const submission = event.payload;
    const meta = { organisationId: event.organisationId, correlationId: event.correlationId };
    const result = await this.outbox.handleOnce(RecordResponseUseCase.consumer, event, async ({ manager, emit }) => {
      const responses = manager.getRepository(ResponseEntity);
      if (await responses.existsBy({ submissionId: submission.submissionId })) return { outcome: 'duplicate' as const };

      const reasons = validateSubmission(submission);
      if (reasons.length > 0) {
        await manager.getRepository(RejectionEntity).upsert(
          { submissionId: submission.submissionId, organisationId: event.organisationId, reasons },
          ['submissionId'],
        );
        emit(responseRejectedV1, {
          submissionId: submission.submissionId,
          cycleId: submission.cycleId,
          subjectId: submission.subjectId,
          raterId: submission.raterId,
          reasons,
          rejectedAt: new Date().toISOString(),
        }, meta);
        return { outcome: 'rejected' as const };
      }

      // Serialise the responses of one subject: versions of a rater's answers never collide, and the
      // subject's events enter the outbox in commit order (per-key order downstream).
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`survey:${submission.cycleId}:${submission.subjectId}`]);
      const previous = await responses.count({
        where: { cycleId: submission.cycleId, subjectId: submission.subjectId, raterId: submission.raterId },
      });
      const response = responses.create({
        id: randomUUID(),
        submissionId: submission.submissionId,
        organisationId: event.organisationId,
        cycleId: submission.cycleId,
        subjectId: submission.subjectId,
        raterId: submission.raterId,
        raterGroup: submission.raterGroup,
        instrumentId: submission.instrumentId,
        instrumentVersion: submission.instrumentVersion,
        responseVersion: previous + 1,
        answers: submission.answers,
        comments: submission.comments ?? {},
        policy: submission.policy,
      });
      await responses.insert(response);
      emit(responseRecordedV1, {
        responseId: response.id,
        submissionId: response.submissionId,
        cycleId: response.cycleId,
        subjectId: response.subjectId,
        raterId: response.raterId,
        raterGroup: submission.raterGroup,
        instrumentId: response.instrumentId,
        instrumentVersion: response.instrumentVersion,
        responseVersion: response.responseVersion,
        answers: response.answers,
        comments: response.comments,
        policy: response.policy,
        recordedAt: new Date().toISOString(),
      }, meta);
      return { outcome: 'recorded' as const, responseId: response.id, responseVersion: response.responseVersion };
    });
    return result ?? { outcome: 'duplicate' };
  }
}
