import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A live snapshot's `report.updated` no longer stores a copy of its report in the outbox, as a
 * rescore's has not since RescoreEventsReferToReports1768600000004: its row holds the envelope's
 * text around the report and the key of the snapshot's ledger row (`report_cycle_id`,
 * `report_subject_id`, `report_result_set` 'live' and the new `report_snapshot`), whose report is
 * the very text the snapshot was serialised to once (LiveReportInLedgerOnly1768400000000). The view
 * the relay reads, `outbox_event_envelope`, joins the ledger row for these and the report row for a
 * rescore's (no snapshot). Each ~45 kB live report is written once instead of twice: the outbox's
 * TOAST table held a copy of every snapshot's report (662 MB after an L benchmark run) for the relay
 * to read once (docs/benchmarks.md, "Eleventh round"). Ledger rows are never rewritten; a cycle's
 * are kept while its reports are.
 */
export class LiveEventsReferToLedger1768800000000 implements MigrationInterface {
  name = 'LiveEventsReferToLedger1768800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."outbox_event" ADD COLUMN "report_snapshot" int NULL`);
    await queryRunner.query(`DROP VIEW "scoring"."outbox_event_envelope"`);
    await queryRunner.query(
      `CREATE VIEW "scoring"."outbox_event_envelope" AS
         SELECT o."position", o."event_id", o."type", o."version", o."key", o."correlation_id", o."created_at", o."published_at",
                coalesce(o."envelope", o."envelope_head" || coalesce(r."report", v."report") || o."envelope_tail") AS "envelope"
           FROM "scoring"."outbox_event" o
           LEFT JOIN "scoring"."subject_report" r
             ON o."envelope" IS NULL AND o."report_snapshot" IS NULL AND r."cycle_id" = o."report_cycle_id"
            AND r."subject_id" = o."report_subject_id" AND r."result_set" = o."report_result_set"
           LEFT JOIN "scoring"."disclosed_view" v
             ON o."envelope" IS NULL AND o."report_snapshot" IS NOT NULL AND v."cycle_id" = o."report_cycle_id"
            AND v."subject_id" = o."report_subject_id" AND v."result_set" = o."report_result_set" AND v."snapshot" = o."report_snapshot"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "scoring"."outbox_event" o SET "envelope" = e."envelope", "envelope_head" = NULL, "envelope_tail" = NULL,
              "report_cycle_id" = NULL, "report_subject_id" = NULL, "report_result_set" = NULL
         FROM "scoring"."outbox_event_envelope" e
        WHERE o."report_snapshot" IS NOT NULL AND o."envelope" IS NULL AND e."position" = o."position" AND e."envelope" IS NOT NULL`,
    );
    // A row whose ledger row is gone has nothing to publish.
    await queryRunner.query(`DELETE FROM "scoring"."outbox_event" WHERE "report_snapshot" IS NOT NULL AND "envelope" IS NULL`);
    await queryRunner.query(`DROP VIEW "scoring"."outbox_event_envelope"`);
    await queryRunner.query(
      `CREATE VIEW "scoring"."outbox_event_envelope" AS
         SELECT o."position", o."event_id", o."type", o."version", o."key", o."correlation_id", o."created_at", o."published_at",
                coalesce(o."envelope", o."envelope_head" || r."report" || o."envelope_tail") AS "envelope"
           FROM "scoring"."outbox_event" o
           LEFT JOIN "scoring"."subject_report" r
             ON o."envelope" IS NULL AND r."cycle_id" = o."report_cycle_id" AND r."subject_id" = o."report_subject_id"
            AND r."result_set" = o."report_result_set"`,
    );
    await queryRunner.query(`ALTER TABLE "scoring"."outbox_event" DROP COLUMN "report_snapshot"`);
  }
}
