import { retypeJsonColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's columns that hold whole reports (about 45 kB of JSON each): the read model and the publications. */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['published_report', 'report'],
];
const OUTBOX_ENVELOPE: [table: string, column: string][] = [['outbox_event', 'envelope']];

/**
 * Reports and outbox envelopes are stored as `text`, no longer as `json`, as the scoring service's
 * since WholeJsonAsText1768600000000 (docs/benchmarks.md, "Ninth round"): PostgreSQL checked every
 * report.updated's report as it was stored (about 0.4 ms of CPU for 45 kB), while the gateway itself
 * wrote it with `JSON.stringify` and reads it back with `JSON.parse` (`jsonText`); no query looks
 * inside (the heatmap reads the cells and overall fit stored beside each report). Reports keep the
 * storage set before (lz4, or out of line uncompressed); envelopes (about 1 kB) stay inline.
 */
export class WholeJsonAsText1768600000001 implements MigrationInterface {
  name = 'WholeJsonAsText1768600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'gateway', REPORT_COLUMNS, 'text', 'fast');
    await retypeJsonColumns(queryRunner, 'gateway', OUTBOX_ENVELOPE, 'text', 'default');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'gateway', OUTBOX_ENVELOPE, 'json', 'default');
    await retypeJsonColumns(queryRunner, 'gateway', REPORT_COLUMNS, 'json', 'fast');
  }
}
