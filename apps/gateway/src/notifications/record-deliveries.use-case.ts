import { EventEnvelope, MailDeliveryUpdatedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { LiveUpdates } from '../common/live-updates';

/** Keeps the newest state of each mail (by its sequence, whatever the order of arrival) for HR's progress board and mail outbox. */
@Injectable()
export class RecordDeliveriesUseCase {
  static readonly consumer = 'mail-deliveries';

  constructor(
    private readonly outbox: OutboxService,
    private readonly progress: LiveUpdates,
  ) {}

  async executeBatch(events: EventEnvelope<MailDeliveryUpdatedV1>[]): Promise<void> {
    const cycles = new Set<string>();
    await this.outbox.handleBatchOnce(RecordDeliveriesUseCase.consumer, events, async ({ manager }, fresh) => {
      const newest = new Map<string, EventEnvelope<MailDeliveryUpdatedV1>>();
      for (const e of fresh as EventEnvelope<MailDeliveryUpdatedV1>[]) {
        const seen = newest.get(e.payload.mailId);
        if (!seen || seen.payload.sequence < e.payload.sequence) newest.set(e.payload.mailId, e);
      }
      const rows = [...newest.values()].map((e) => ({ ...e.payload, organisationId: e.organisationId }));
      rows.forEach((r) => cycles.add(r.cycleId));
      await manager.query(
        `INSERT INTO "gateway"."mail_delivery" ("mail_id", "organisation_id", "cycle_id", "subject_id", "assignment_id", "recipient_person_id", "kind", "email",
            "status", "reason", "attempts", "sequence", "content", "updated_at")
         SELECT r."mailId", r."organisationId", r."cycleId", r."subjectId", r."assignmentId", r."recipientPersonId", r."kind", r."email",
            r."status", r."reason", r."attempts", r."sequence", r."content", r."updatedAt"
         FROM jsonb_to_recordset($1::jsonb) AS r("mailId" uuid, "organisationId" uuid, "cycleId" uuid, "subjectId" uuid, "assignmentId" uuid,
            "recipientPersonId" uuid, "kind" text, "email" text, "status" text, "reason" text, "attempts" int, "sequence" int, "content" jsonb, "updatedAt" timestamptz)
         ON CONFLICT ("mail_id") DO UPDATE SET "status" = EXCLUDED."status", "reason" = EXCLUDED."reason", "attempts" = EXCLUDED."attempts",
            "sequence" = EXCLUDED."sequence", "updated_at" = EXCLUDED."updated_at"
         WHERE "mail_delivery"."sequence" < EXCLUDED."sequence"`,
        [JSON.stringify(rows)],
      );
    });
    for (const cycleId of cycles) this.progress.changed(cycleId);
  }
}
