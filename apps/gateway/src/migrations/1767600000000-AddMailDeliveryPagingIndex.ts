import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR's mail deliveries a page at a time (`cycleMailDeliveryPage`): the newest invitation and the
 * newest reminder of an assignment are each one probe of `mail_delivery_newest` (was: every mail of
 * the assignment, then a sort). It replaces `mail_delivery_by_assignment`, whose column it leads with,
 * so a state change still maintains as many indexes as before.
 */
export class AddMailDeliveryPagingIndex1767600000000 implements MigrationInterface {
  name = 'AddMailDeliveryPagingIndex1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "mail_delivery_newest" ON "gateway"."mail_delivery" ("assignment_id", "kind", "created_at" DESC, "mail_id" DESC) WHERE "assignment_id" IS NOT NULL`,
    );
    await q.query(`DROP INDEX "gateway"."mail_delivery_by_assignment"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "mail_delivery_by_assignment" ON "gateway"."mail_delivery" ("assignment_id")`);
    await q.query(`DROP INDEX "gateway"."mail_delivery_newest"`);
  }
}
