import { retypeJsonColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns that hold whole reports (about 44 kB of JSON each), written for every snapshot and rescore. */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['disclosed_view', 'report'],
  ['outbox_event', 'envelope'],
];

/**
 * Reports are stored as `json` (their text, checked to be valid JSON), no longer as `jsonb`
 * (docs/benchmarks.md, "Report storage and the replay"): PostgreSQL parsed each report into jsonb
 * as it arrived (about 0.75 ms of CPU for 44 kB, against 0.21 ms to check it as json) and wrote it
 * back out as text whenever it was read (0.4 ms, once per report.updated the relay publishes),
 * while nothing queries inside these columns: they are written whole and read whole. What json
 * lacks (no `=`, `@>`, `jsonb_set` or GIN index, and `->` parses the text again) is used by no query
 * of the services; compare two reports with `::jsonb` if ever needed. The conversion rewrites the
 * three tables; the storage set by ReportsWithoutPglz (lz4, or out of line uncompressed) is set again,
 * since a type change resets it.
 */
export class ReportsAsJson1768000000000 implements MigrationInterface {
  name = 'ReportsAsJson1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'scoring', REPORT_COLUMNS, 'json', 'fast');
  }

  // Back to jsonb with the storage ReportsWithoutPglz had set.
  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'scoring', REPORT_COLUMNS, 'jsonb', 'fast');
  }
}
