import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A whole-cycle rescore's ledger row no longer stores a copy of its report: `report` is null there,
 * and the view's report is its result set's report row (`scoring.subject_report` of the same cycle,
 * subject and result set), written in the same statement and never rewritten (a rescore's reports
 * are written once; retention keeps the rows that have a ledger row). Storing each ~44 kB report
 * once less is about a third of PostgreSQL's storage work in the replay's write (docs/benchmarks.md,
 * "Report storage and the replay"). Live snapshots, whose report row is rewritten at every
 * response, and every other view keep their own copy: the constraint says so.
 */
export class RescoreLedgerReportByReference1768000000001 implements MigrationInterface {
  name = 'RescoreLedgerReportByReference1768000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."disclosed_view" ALTER COLUMN "report" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "scoring"."disclosed_view" ADD CONSTRAINT "disclosed_view_live_report" CHECK ("report" IS NOT NULL OR "result_set" <> 'live')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "scoring"."disclosed_view" v SET "report" = r."report" FROM "scoring"."subject_report" r
        WHERE v."report" IS NULL AND r."cycle_id" = v."cycle_id" AND r."subject_id" = v."subject_id" AND r."result_set" = v."result_set"`,
    );
    await queryRunner.query(`ALTER TABLE "scoring"."disclosed_view" DROP CONSTRAINT "disclosed_view_live_report"`);
    await queryRunner.query(`ALTER TABLE "scoring"."disclosed_view" ALTER COLUMN "report" SET NOT NULL`);
  }
}
