import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR's mail outbox a page at a time, newest first (issue #16, `mailOutbox`: without a mail server a
 * cycle of 10,000 leaders records 150,000 invitations and as many reminders; the list stopped at
 * the newest 5,000). Keyset on (created_at, mail_id), both descending, per kind of mail: a page reads
 * the newest rows of each kind from the index, in order, and keeps the newest of them (a page of
 * one kind reads that kind's only), whatever the depth: about 2 ms at 332,000 mails, where the old
 * `(organisation_id, created_at)` index walked past 170,000 rows to find 100 invitations, 320,000 for
 * a rarer kind. The count of one kind is an index-only range of it.
 * - `mail_delivery_outbox`: the organisation's outbox (replaces the one on `created_at` alone);
 * - `mail_delivery_outbox_by_cycle`: one cycle's (`mail_delivery_by_cycle` has every status, no order).
 * Recorded mails only (partial): with a mail server the outbox is empty and they cost nothing.
 */
export class AddMailOutboxPagingIndexes1768700000000 implements MigrationInterface {
  name = 'AddMailOutboxPagingIndexes1768700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."mail_delivery_outbox"`);
    await q.query(
      `CREATE INDEX "mail_delivery_outbox" ON "gateway"."mail_delivery" ("organisation_id", "kind", "created_at", "mail_id") WHERE "status" = 'recorded'`,
    );
    await q.query(
      `CREATE INDEX "mail_delivery_outbox_by_cycle" ON "gateway"."mail_delivery" ("cycle_id", "kind", "created_at", "mail_id") INCLUDE ("organisation_id") WHERE "status" = 'recorded'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."mail_delivery_outbox_by_cycle"`);
    await q.query(`DROP INDEX "gateway"."mail_delivery_outbox"`);
    await q.query(
      `CREATE INDEX "mail_delivery_outbox" ON "gateway"."mail_delivery" ("organisation_id", "created_at") WHERE "status" = 'recorded'`,
    );
  }
}
