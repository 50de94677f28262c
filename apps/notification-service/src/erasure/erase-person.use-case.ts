import { EventEnvelope, PersonErasedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable, Logger } from '@nestjs/common';

/**
 * HR erased a person: the notification service drops what it holds about them. Their address goes
 * from every rater row and mail, their name from the mails' contents (as recipient and as the
 * subject a mail is about), and mails to them that have not gone out are skipped. Through the
 * inbox; a repeat changes nothing.
 */
@Injectable()
export class ErasePersonUseCase {
  static readonly consumer = 'erasure';
  private readonly logger = new Logger(ErasePersonUseCase.name);

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<PersonErasedV1>): Promise<void> {
    const { personId, replacementName } = event.payload;
    const changed = await this.outbox.handleOnce(ErasePersonUseCase.consumer, event, async ({ manager }) => {
      const org = event.organisationId;
      const name = JSON.stringify(replacementName);
      const rows = async (sql: string) => affected(await manager.query(sql, [personId, org, name]));
      let n = 0;
      n += await rows(
        `UPDATE "notification"."mail" SET "to_address" = NULL,
            "status" = CASE WHEN "status" IN ('queued', 'deferred', 'sending') THEN 'skipped' ELSE "status" END,
            "reason" = CASE WHEN "status" IN ('queued', 'deferred', 'sending') THEN 'the person was erased' ELSE "reason" END,
            "content" = CASE WHEN "content" ? 'recipientName' THEN jsonb_set("content", '{recipientName}', $3::jsonb) ELSE "content" END
          WHERE "recipient_person_id" = $1 AND "organisation_id" = $2 RETURNING 1`,
      );
      n += await rows(
        `UPDATE "notification"."mail" SET "content" = jsonb_set("content", '{subjectName}', $3::jsonb)
          WHERE "subject_id" = $1 AND "organisation_id" = $2 AND "content" ? 'subjectName' RETURNING 1`,
      );
      n += await rows(
        `UPDATE "notification"."rater" SET "email" = NULL,
            "content" = CASE WHEN "content" ? 'recipientName' THEN jsonb_set("content", '{recipientName}', $3::jsonb) ELSE "content" END
          WHERE "rater_person_id" = $1 AND "organisation_id" = $2 RETURNING 1`,
      );
      n += await rows(
        `UPDATE "notification"."rater" SET "content" = jsonb_set("content", '{subjectName}', $3::jsonb)
          WHERE "subject_id" = $1 AND "organisation_id" = $2 AND "content" ? 'subjectName' RETURNING 1`,
      );
      return n;
    });
    if (changed !== undefined) this.logger.log(`erasure: person ${personId}: ${changed} row(s) changed`);
  }
}

/** Rows an UPDATE changed: TypeORM's PostgreSQL driver answers `[rows, rowCount]` for UPDATE and DELETE. */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : Array.isArray(result) ? result.length : 0;
}
