import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The heatmap's page (issue #16, `cycleHeatmap` at 10,000 leaders): one index per sort order the
 * page offers without a person column (overall fit ascending and descending, rows without a fit
 * last either way; responses), holding the columns the page filters on, so a page of 100 walks
 * about 100 index entries and the total is an index-only count, instead of reading every report
 * row of the cycle and hashing the whole directory (431 ms p95 at L before, on a quiet machine).
 */
export class AddHeatmapPageIndexes1767700000000 implements MigrationInterface {
  name = 'AddHeatmapPageIndexes1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "subject_report_heatmap_fit_asc" ON "gateway"."subject_report" ("cycle_id", "result_set", (coalesce("overall_fit", 'Infinity'::float8)), "subject_id") INCLUDE ("response_count", "organisation_id")`,
    );
    await q.query(
      `CREATE INDEX "subject_report_heatmap_fit_desc" ON "gateway"."subject_report" ("cycle_id", "result_set", (coalesce("overall_fit", '-Infinity'::float8)), "subject_id") INCLUDE ("response_count", "organisation_id")`,
    );
    await q.query(
      `CREATE INDEX "subject_report_heatmap_responses" ON "gateway"."subject_report" ("cycle_id", "result_set", "response_count", "subject_id") INCLUDE ("organisation_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."subject_report_heatmap_responses"`);
    await q.query(`DROP INDEX "gateway"."subject_report_heatmap_fit_desc"`);
    await q.query(`DROP INDEX "gateway"."subject_report_heatmap_fit_asc"`);
  }
}
