import { EventEnvelope, responseRecordedV1, responseRejectedV1, SurveySubmittedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RejectionEntity } from './response.entity';
import { validateSubmission } from './validate-submission';

export type RecordOutcome =
  { outcome: 'recorded'; responseId: string; responseVersion: number } | { outcome: 'rejected' } | { outcome: 'duplicate' };

/** Takes the subjects' advisory locks in one statement, in a fixed order (no deadlock between batches). */
export async function lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS locks`,
    [keys],
  );
}

/**
 * Records survey submissions: validates each against the instrument, stores it append-only and
 * emits `response.recorded` (or `response.rejected`) in the same transaction. Redelivery of the
 * same event, or a second event for the same submission, changes nothing.
 *
 * A batch (the submissions one Kafka fetch brings for the partitions whose events arrive together)
 * is one transaction: the inbox rows in one statement, one lookup of already-stored submissions, one of earlier versions, one
 * insert of all the new responses.
 */
@Injectable()
export class RecordResponseUseCase {
  static readonly consumer = 'record-response';

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<SurveySubmittedV1>): Promise<RecordOutcome> {
    return (await this.executeBatch([event]))[0];
  }

  /** Records a batch of submissions in their order; one outcome per event (`duplicate` for a repeat). */
  async executeBatch(events: EventEnvelope<SurveySubmittedV1>[]): Promise<RecordOutcome[]> {
    const outcomes = new Map<EventEnvelope, RecordOutcome>();
    await this.outbox.handleBatchOnce(RecordResponseUseCase.consumer, events, async ({ manager, emit }, fresh) => {
      const batch = fresh as EventEnvelope<SurveySubmittedV1>[];
      const stored: { submission_id: string }[] = await manager.query(
        `SELECT "submission_id" FROM "survey"."response" WHERE "submission_id" = ANY($1::uuid[])`,
        [batch.map((e) => e.payload.submissionId)],
      );
      const seen = new Set(stored.map((r) => r.submission_id.toLowerCase()));

      const accepted: EventEnvelope<SurveySubmittedV1>[] = [];
      for (const event of batch) {
        const submission = event.payload;
        const meta = { organisationId: event.organisationId, correlationId: event.correlationId };
        const submissionKey = submission.submissionId.toLowerCase();
        if (seen.has(submissionKey)) {
          outcomes.set(event, { outcome: 'duplicate' });
          continue;
        }
        const reasons = validateSubmission(submission);
        if (reasons.length > 0) {
          await manager
            .getRepository(RejectionEntity)
            .upsert({ submissionId: submission.submissionId, organisationId: event.organisationId, reasons }, ['submissionId']);
          emit(
            responseRejectedV1,
            {
              submissionId: submission.submissionId,
              cycleId: submission.cycleId,
              subjectId: submission.subjectId,
              raterId: submission.raterId,
              reasons,
              rejectedAt: new Date().toISOString(),
            },
            meta,
          );
          outcomes.set(event, { outcome: 'rejected' });
          continue;
        }
        seen.add(submissionKey);
        accepted.push(event);
      }
      if (accepted.length === 0) return;

      // Serialise the responses of one subject: versions of a rater's answers never collide, and the
      // subject's events enter the outbox in commit order (per-key order downstream).
      await lockKeys(
        manager,
        accepted.map((e) => `survey:${e.payload.cycleId}:${e.payload.subjectId}`),
      );
      const raterKey = (s: SurveySubmittedV1) => JSON.stringify([s.cycleId, s.subjectId, s.raterId]);
      const raters = [...new Map(accepted.map((e) => [raterKey(e.payload), e.payload])).values()];
      const previous: { cycle_id: string; subject_id: string; rater_id: string; n: number }[] = await manager.query(
        // per rater (LATERAL), through the (cycle, subject, rater, version) key, whatever the statistics say
        `SELECT k.c AS "cycle_id", k.s AS "subject_id", k.ra AS "rater_id", x.n
         FROM unnest($1::text[], $2::text[], $3::text[]) AS k(c, s, ra)
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n FROM "survey"."response" r WHERE r."cycle_id" = k.c AND r."subject_id" = k.s AND r."rater_id" = k.ra) x
         WHERE x.n > 0`,
        [raters.map((s) => s.cycleId), raters.map((s) => s.subjectId), raters.map((s) => s.raterId)],
      );
      const versions = new Map(previous.map((r) => [JSON.stringify([r.cycle_id, r.subject_id, r.rater_id]), r.n]));

      const rows = accepted.map((event) => {
        const s = event.payload;
        const key = raterKey(s);
        const responseVersion = (versions.get(key) ?? 0) + 1;
        versions.set(key, responseVersion);
        return {
          id: randomUUID(),
          submission_id: s.submissionId,
          organisation_id: event.organisationId,
          cycle_id: s.cycleId,
          subject_id: s.subjectId,
          rater_id: s.raterId,
          rater_group: s.raterGroup,
          instrument_id: s.instrumentId,
          instrument_version: s.instrumentVersion,
          response_version: responseVersion,
          answers: s.answers,
          comments: s.comments ?? {},
          policy: s.policy,
        };
      });
      await manager.query(
        `INSERT INTO "survey"."response" ("id", "submission_id", "organisation_id", "cycle_id", "subject_id", "rater_id", "rater_group",
           "instrument_id", "instrument_version", "response_version", "answers", "comments", "policy")
         SELECT "id", "submission_id", "organisation_id", "cycle_id", "subject_id", "rater_id", "rater_group",
           "instrument_id", "instrument_version", "response_version", "answers", "comments", "policy"
         FROM jsonb_to_recordset($1::jsonb) AS x("id" uuid, "submission_id" uuid, "organisation_id" text, "cycle_id" text, "subject_id" text,
           "rater_id" text, "rater_group" text, "instrument_id" text, "instrument_version" int, "response_version" int,
           "answers" jsonb, "comments" jsonb, "policy" jsonb)`,
        [JSON.stringify(rows)],
      );
      const recordedAt = new Date().toISOString();
      accepted.forEach((event, i) => {
        const row = rows[i];
        emit(
          responseRecordedV1,
          {
            responseId: row.id,
            submissionId: row.submission_id,
            cycleId: row.cycle_id,
            subjectId: row.subject_id,
            raterId: row.rater_id,
            raterGroup: event.payload.raterGroup,
            instrumentId: row.instrument_id,
            instrumentVersion: row.instrument_version,
            responseVersion: row.response_version,
            answers: row.answers,
            comments: row.comments,
            policy: row.policy,
            recordedAt,
          },
          { organisationId: event.organisationId, correlationId: event.correlationId },
        );
        outcomes.set(event, { outcome: 'recorded', responseId: row.id, responseVersion: row.response_version });
      });
    });
    return events.map((e) => outcomes.get(e) ?? { outcome: 'duplicate' });
  }
}
