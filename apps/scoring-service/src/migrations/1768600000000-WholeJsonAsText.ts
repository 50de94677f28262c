import { retypeJsonColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns that hold whole JSON documents: reports (about 45 kB each) and event envelopes. */
const WHOLE_JSON_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['disclosed_view', 'report'],
  ['outbox_event', 'envelope'],
];

/**
 * Reports and envelopes are stored as `text`, no longer as `json` (docs/benchmarks.md, "Ninth
 * round"): PostgreSQL checked each one as it was written (about 0.4 ms of CPU for a 45 kB report on
 * the benchmark's machine, against 0.3 ms for the whole rest of the write), and a rescore's report
 * was checked twice (its row, then its event's envelope around it). The writers are this service's
 * own code, storing `JSON.stringify` output; the readers parse the text (`jsonText` for the
 * entities), and nothing queries inside these columns. The storage set before (lz4, or out of line
 * uncompressed) is set again, since a type change resets it.
 */
export class WholeJsonAsText1768600000000 implements MigrationInterface {
  name = 'WholeJsonAsText1768600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'scoring', WHOLE_JSON_COLUMNS, 'text', 'fast');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'scoring', WHOLE_JSON_COLUMNS, 'json', 'fast');
  }
}
