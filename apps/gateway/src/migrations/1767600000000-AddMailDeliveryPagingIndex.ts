import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR's mail deliveries a page at a time (`cycleMailDeliveryPage`) and the cycle's totals per status
 * (`cycleMailDeliveryTotals`), at 150,000 raters a cycle:
 * - `assignment_mail_state`: per assignment, its newest invitation and newest reminder and their
 *   statuses, kept by the delivery read model in the transaction that stores a mail's state. A filter
 *   on a status reads its index (the few failed mails, not every assignment's mails), the totals are
 *   an index-only count, and a page joins two mails by their key;
 * - the RATER sort reads the raters in `person_by_name` order and each one's live assignments of the
 *   cycle through `assignment_by_rater` (was: every assignment of the cycle hashed and sorted).
 * Existing mails are carried over (newest by creation, then mail id, as the read model decides).
 */
export class AddMailDeliveryPagingIndex1767600000000 implements MigrationInterface {
  name = 'AddMailDeliveryPagingIndex1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."assignment_mail_state" (
      "assignment_id" uuid PRIMARY KEY REFERENCES "gateway"."assignment" ("id"),
      "cycle_id" uuid NOT NULL,
      "invitation_mail_id" uuid,
      "invitation_status" text,
      "reminder_mail_id" uuid,
      "reminder_status" text,
      "updated_at" timestamptz,
      "latest_rank" int NOT NULL GENERATED ALWAYS AS (coalesce(array_position(
        ARRAY['failed', 'deferred', 'skipped', 'queued', 'none', 'recorded', 'sent']::text[],
        coalesce("reminder_status", "invitation_status", 'none')), 8)) STORED
    )`);
    await q.query(`INSERT INTO "gateway"."assignment_mail_state"
        ("assignment_id", "cycle_id", "invitation_mail_id", "invitation_status", "reminder_mail_id", "reminder_status", "updated_at")
      SELECT a.id, a.cycle_id, i.mail_id, i.status, r.mail_id, r.status, greatest(i.updated_at, r.updated_at)
        FROM "gateway"."assignment" a
        LEFT JOIN LATERAL (SELECT d.mail_id, d.status, d.updated_at FROM "gateway"."mail_delivery" d
                            WHERE d.assignment_id = a.id AND d.kind = 'invitation' ORDER BY d.created_at DESC, d.mail_id DESC LIMIT 1) i ON true
        LEFT JOIN LATERAL (SELECT d.mail_id, d.status, d.updated_at FROM "gateway"."mail_delivery" d
                            WHERE d.assignment_id = a.id AND d.kind = 'reminder' ORDER BY d.created_at DESC, d.mail_id DESC LIMIT 1) r ON true
       WHERE i.mail_id IS NOT NULL OR r.mail_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX "assignment_mail_state_invitation" ON "gateway"."assignment_mail_state" ("cycle_id", "invitation_status", "assignment_id")`,
    );
    await q.query(
      `CREATE INDEX "assignment_mail_state_reminder" ON "gateway"."assignment_mail_state" ("cycle_id", "reminder_status", "assignment_id")`,
    );
    await q.query(
      `CREATE INDEX "assignment_by_rater" ON "gateway"."assignment" ("cycle_id", "rater_person_id") WHERE "revoked_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."assignment_by_rater"`);
    await q.query(`DROP TABLE "gateway"."assignment_mail_state"`);
  }
}
