import { retypeToCompressedDocuments, retypeToTextDocuments } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's columns that hold whole reports (about 28 kB of JSON each): the read model and the publications. */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['published_report', 'report'],
];

/**
 * Reports are stored compressed by the gateway (Zstandard, `compressJsonText` in @leaderscope/database)
 * in `bytea`: PostgreSQL spent about 0.4–0.7 ms of CPU and 30 kB of WAL storing each report's text in
 * 14 TOAST chunks, against about 0.03 ms and 6 kB for the compressed bytes (docs/benchmarks.md,
 * "Twenty-third round"). The reports already stored keep their text, as its UTF-8 bytes, which the
 * readers tell from a compressed report by the Zstandard magic number (`jsonTextOfStored`), so no
 * report is rewritten. Stored out of line without PostgreSQL's own compression: the bytes are
 * compressed already.
 */
export class ReportsCompressed1768900000000 implements MigrationInterface {
  name = 'ReportsCompressed1768900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeToCompressedDocuments(queryRunner, 'gateway', REPORT_COLUMNS);
  }

  /** Back to text: refused while any compressed report is stored (SQL cannot decompress). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeToTextDocuments(
      queryRunner,
      'gateway',
      REPORT_COLUMNS,
      'rebuild the read model (rescore) after reverting, or keep this migration',
    );
  }
}
