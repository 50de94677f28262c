import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's columns that hold whole reports (about 44 kB of JSON each): the read model and the publications. */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['published_report', 'report'],
];

/**
 * The report read model stores each report as `json` (its text, checked), no longer as `jsonb`,
 * as the scoring service's own report columns are since ReportsAsJson1768000000000
 * (docs/benchmarks.md, "The gateway's report read model as json"). PostgreSQL parsed every
 * report.updated's report into a jsonb tree (the most expensive statement of the live path at
 * 200 submissions/s) and rendered it back to text for every `subjectReport` and publication, while
 * no query of the gateway looks inside these columns: the heatmap reads the cells and overall fit
 * stored beside each report. Compression: lz4 where the server has it, else out of line and
 * uncompressed (pglz, PostgreSQL's default, cost more CPU than the parse it replaced); a type
 * change resets the storage, so it is set here.
 */
export class ReportReadModelAsJson1768100000000 implements MigrationInterface {
  name = 'ReportReadModelAsJson1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, 'json');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, 'jsonb');
  }

  private async retype(queryRunner: QueryRunner, type: 'json' | 'jsonb'): Promise<void> {
    const rows = (await queryRunner.query(
      `SELECT coalesce('lz4' = ANY("enumvals"), false) AS "lz4" FROM "pg_settings" WHERE "name" = 'default_toast_compression'`,
    )) as { lz4: boolean }[];
    const lz4 = rows[0]?.lz4 === true;
    for (const [table, column] of REPORT_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "gateway"."${table}" ALTER COLUMN "${column}" TYPE ${type} USING "${column}"::${type}`);
      if (type === 'jsonb') {
        await queryRunner.query(`ALTER TABLE "gateway"."${table}" ALTER COLUMN "${column}" SET STORAGE EXTENDED`);
        await queryRunner.query(`ALTER TABLE "gateway"."${table}" ALTER COLUMN "${column}" SET COMPRESSION DEFAULT`);
      } else
        await queryRunner.query(
          lz4
            ? `ALTER TABLE "gateway"."${table}" ALTER COLUMN "${column}" SET COMPRESSION lz4`
            : `ALTER TABLE "gateway"."${table}" ALTER COLUMN "${column}" SET STORAGE EXTERNAL`,
        );
    }
  }
}
