import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the scoring service stored the submission's response (`response.counted`), so progress can
 * show received, recorded and counted apart. Submissions recorded before this migration were
 * stored by the scoring service of that version in the same flow, which had no event to say so;
 * they are taken as counted when they were recorded (their receipt's time).
 */
export class AddSubmissionCountedAt1765200000000 implements MigrationInterface {
  name = 'AddSubmissionCountedAt1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."submission" ADD COLUMN "counted_at" timestamptz`);
    await q.query(`UPDATE "gateway"."submission" SET "counted_at" = "accepted_at" WHERE "status" = 'recorded'`);
    // The periodic consistency check reads only what is not counted yet.
    await q.query(
      `CREATE INDEX "submission_not_counted" ON "gateway"."submission" ("accepted_at") WHERE "counted_at" IS NULL AND "status" <> 'rejected'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."submission_not_counted"`);
    await q.query(`ALTER TABLE "gateway"."submission" DROP COLUMN "counted_at"`);
  }
}
