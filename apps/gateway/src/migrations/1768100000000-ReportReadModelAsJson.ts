import { retypeJsonColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's columns that hold whole reports (about 44 kB of JSON each): the read model and the publications. */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['published_report', 'report'],
];

/**
 * The report read model stores each report as `json` (its text, checked), no longer as `jsonb`,
 * as the scoring service's own report columns are since ReportsAsJson1768000000000
 * (docs/benchmarks.md, "Fifth round (session 7)"). PostgreSQL parsed every
 * report.updated's report into a jsonb tree (the most expensive statement of the live path at
 * 200 submissions/s) and rendered it back to text for every `subjectReport` and publication, while
 * no query of the gateway looks inside these columns: the heatmap reads the cells and overall fit
 * stored beside each report. Compression: lz4 where the server has it, else out of line and
 * uncompressed (`retypeJsonColumns`).
 */
export class ReportReadModelAsJson1768100000000 implements MigrationInterface {
  name = 'ReportReadModelAsJson1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'gateway', REPORT_COLUMNS, 'json', 'fast');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'gateway', REPORT_COLUMNS, 'jsonb', 'default');
  }
}
