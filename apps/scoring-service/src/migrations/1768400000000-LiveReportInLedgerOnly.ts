import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live result set's report row keeps no report of its own: what may be shown of it is the
 * snapshot in force, whose report the disclosure ledger holds (`scoring.disclosed_view`, result set
 * 'live'), and nothing read the raw scoring of every response received (held-back raters included)
 * that the row was rewritten with at every response. The live row keeps the result set's
 * bookkeeping (report version, basis, counts); `report` is null there, and only there. The raw
 * reports already stored are removed: they held figures of raters the rule had not shown. Computing
 * and writing a ~44 kB report per subject per batch was the largest single cost of the live path
 * (docs/benchmarks.md, "Sixth round").
 */
export class LiveReportInLedgerOnly1768400000000 implements MigrationInterface {
  name = 'LiveReportInLedgerOnly1768400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."subject_report" ALTER COLUMN "report" DROP NOT NULL`);
    await queryRunner.query(`UPDATE "scoring"."subject_report" SET "report" = NULL WHERE "result_set" = 'live'`);
    await queryRunner.query(
      `ALTER TABLE "scoring"."subject_report" ADD CONSTRAINT "subject_report_live_report_in_ledger"
         CHECK (("report" IS NULL) = ("result_set" = 'live'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."subject_report" DROP CONSTRAINT "subject_report_live_report_in_ledger"`);
    // The report of the snapshot in force where there is one (what the row was last written with
    // when that snapshot was taken); an empty document where nothing was disclosed yet.
    await queryRunner.query(
      `UPDATE "scoring"."subject_report" r SET "report" = coalesce(
         (SELECT v."report" FROM "scoring"."disclosed_view" v
           WHERE v."cycle_id" = r."cycle_id" AND v."subject_id" = r."subject_id" AND v."result_set" = 'live'
           ORDER BY v."snapshot" DESC LIMIT 1), '{}'::json)
        WHERE r."result_set" = 'live'`,
    );
    await queryRunner.query(`ALTER TABLE "scoring"."subject_report" ALTER COLUMN "report" SET NOT NULL`);
  }
}
