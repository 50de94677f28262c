import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns that hold whole reports (about 44 kB of JSON each), written for every snapshot and rescore. */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['disclosed_view', 'report'],
  ['outbox_event', 'envelope'],
];

/**
 * Reports are no longer compressed with pglz (PostgreSQL's default for large values): compressing
 * each report three times (its row, its ledger row and its report.updated in the outbox) took about
 * half of PostgreSQL's time in a whole-cycle rescore (docs/benchmarks.md, issue #16). Where the
 * server has lz4 (about as compact, several times faster) these columns use it; where it has not
 * (the embedded PostgreSQL's build), they are stored out of line uncompressed (`STORAGE EXTERNAL`):
 * about four times the space for these columns, the price of the faster write. Existing values are
 * left as they are; only new ones are stored the new way.
 */
export class ReportsWithoutPglz1765900000000 implements MigrationInterface {
  name = 'ReportsWithoutPglz1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      `SELECT coalesce('lz4' = ANY("enumvals"), false) AS "lz4" FROM "pg_settings" WHERE "name" = 'default_toast_compression'`,
    )) as { lz4: boolean }[];
    const lz4 = rows[0]?.lz4 === true;
    for (const [table, column] of REPORT_COLUMNS)
      await queryRunner.query(
        lz4
          ? `ALTER TABLE "scoring"."${table}" ALTER COLUMN "${column}" SET COMPRESSION lz4`
          : `ALTER TABLE "scoring"."${table}" ALTER COLUMN "${column}" SET STORAGE EXTERNAL`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of REPORT_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "scoring"."${table}" ALTER COLUMN "${column}" SET STORAGE EXTENDED`);
      await queryRunner.query(`ALTER TABLE "scoring"."${table}" ALTER COLUMN "${column}" SET COMPRESSION DEFAULT`);
    }
  }
}
