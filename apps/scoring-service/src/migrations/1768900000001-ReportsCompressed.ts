import { refuseWhileCompressed, retypeToCompressedDocuments, retypeToTextDocuments } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns that hold whole reports: the read model (rescores) and the disclosure ledger (live snapshots). */
const REPORT_COLUMNS: [table: string, column: string][] = [
  ['subject_report', 'report'],
  ['disclosed_view', 'report'],
];

const ENVELOPE_VIEW_JOINS = `FROM "scoring"."outbox_event" o
           LEFT JOIN "scoring"."subject_report" r
             ON o."envelope" IS NULL AND o."report_snapshot" IS NULL AND r."cycle_id" = o."report_cycle_id"
            AND r."subject_id" = o."report_subject_id" AND r."result_set" = o."report_result_set"
           LEFT JOIN "scoring"."disclosed_view" v
             ON o."envelope" IS NULL AND o."report_snapshot" IS NOT NULL AND v."cycle_id" = o."report_cycle_id"
            AND v."subject_id" = o."report_subject_id" AND v."result_set" = o."report_result_set" AND v."snapshot" = o."report_snapshot"`;

/**
 * Reports are stored compressed by the scoring service (Zstandard, `compressJsonText` in
 * @leaderscope/database) in `bytea`, as the gateway's since ReportsCompressed1768900000000:
 * PostgreSQL spent about 0.4–0.7 ms of CPU and 30 kB of WAL storing each report's text in 14 TOAST
 * chunks, against about 0.03 ms and 6 kB (docs/benchmarks.md, "Twenty-third round"). Reports stored
 * before keep their text as its UTF-8 bytes, which every reader tells from a compressed report by the
 * Zstandard magic number (`jsonTextOfStored`); none is rewritten.
 *
 * SQL cannot decompress, so the relay's view `outbox_event_envelope` no longer joins a report.updated's
 * envelope: for those rows its `envelope` is null and it gives the parts (`envelope_head`,
 * `envelope_body`: the report as stored, `envelope_tail`), which the relay joins (OutboxRelay's
 * `envelopeSource`).
 */
export class ReportsCompressed1768900000001 implements MigrationInterface {
  name = 'ReportsCompressed1768900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "scoring"."outbox_event_envelope"`);
    await retypeToCompressedDocuments(queryRunner, 'scoring', REPORT_COLUMNS);
    await queryRunner.query(
      `CREATE VIEW "scoring"."outbox_event_envelope" AS
         SELECT o."position", o."event_id", o."type", o."version", o."key", o."correlation_id", o."created_at", o."published_at",
                o."envelope", o."envelope_head", coalesce(r."report", v."report") AS "envelope_body", o."envelope_tail"
           ${ENVELOPE_VIEW_JOINS}`,
    );
  }

  /** Back to text: refused, before anything changes, while any compressed report is stored (SQL cannot decompress). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await refuseWhileCompressed(queryRunner, 'scoring', REPORT_COLUMNS, 'keep this migration');
    await queryRunner.query(`DROP VIEW "scoring"."outbox_event_envelope"`);
    await retypeToTextDocuments(queryRunner, 'scoring', REPORT_COLUMNS, 'keep this migration');
    await queryRunner.query(
      `CREATE VIEW "scoring"."outbox_event_envelope" AS
         SELECT o."position", o."event_id", o."type", o."version", o."key", o."correlation_id", o."created_at", o."published_at",
                coalesce(o."envelope", o."envelope_head" || coalesce(r."report", v."report") || o."envelope_tail") AS "envelope"
           ${ENVELOPE_VIEW_JOINS}`,
    );
  }
}
