import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of raw responses (docs/data-protection.md): an organisation's setting "delete raw
 * answers and comments N months after a cycle closes" (null: keep them), and per cycle when the
 * deletion was sent to the services.
 */
export class AddResponseRetention1765200000002 implements MigrationInterface {
  name = 'AddResponseRetention1765200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "gateway"."organisation" ADD COLUMN "response_retention_months" int NULL
         CHECK ("response_retention_months" BETWEEN 1 AND 240)`,
    );
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "responses_purged_at" timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "responses_purged_at"`);
    await q.query(`ALTER TABLE "gateway"."organisation" DROP COLUMN "response_retention_months"`);
  }
}
