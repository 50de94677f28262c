import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rescore's `report.updated` no longer stores a copy of its report in the outbox: its row holds
 * the envelope's text before and after the report (`envelope_head`, `envelope_tail`) and the key of
 * the report row (`report_cycle_id`, `report_subject_id`, `report_result_set`), written in the same
 * statement; `envelope` is null there. The relay reads envelopes from the view
 * `outbox_event_envelope`, which joins the two: head, the report row's text, tail (the very text the
 * rescore serialised once). A rescore's report rows are written once and never rewritten; retention
 * keeps every row that has a ledger row, which every announced report has
 * (RescoreLedgerReportByReference). Writing each ~45 kB report once less halves the replay's WAL and
 * about a third of PostgreSQL's work in its write (docs/benchmarks.md, "Ninth round"). Every other
 * event keeps its whole envelope; the constraint says a row has one or the other.
 */
export class RescoreEventsReferToReports1768600000004 implements MigrationInterface {
  name = 'RescoreEventsReferToReports1768600000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "scoring"."outbox_event"
         ALTER COLUMN "envelope" DROP NOT NULL,
         ADD COLUMN "envelope_head" text NULL,
         ADD COLUMN "envelope_tail" text NULL,
         ADD COLUMN "report_cycle_id" text NULL,
         ADD COLUMN "report_subject_id" text NULL,
         ADD COLUMN "report_result_set" text NULL,
         ADD CONSTRAINT "outbox_event_envelope_or_report" CHECK (
           "envelope" IS NOT NULL OR ("envelope_head" IS NOT NULL AND "envelope_tail" IS NOT NULL
             AND "report_cycle_id" IS NOT NULL AND "report_subject_id" IS NOT NULL AND "report_result_set" IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE VIEW "scoring"."outbox_event_envelope" AS
         SELECT o."position", o."event_id", o."type", o."version", o."key", o."correlation_id", o."created_at", o."published_at",
                coalesce(o."envelope", o."envelope_head" || r."report" || o."envelope_tail") AS "envelope"
           FROM "scoring"."outbox_event" o
           LEFT JOIN "scoring"."subject_report" r
             ON o."envelope" IS NULL AND r."cycle_id" = o."report_cycle_id" AND r."subject_id" = o."report_subject_id"
            AND r."result_set" = o."report_result_set"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "scoring"."outbox_event" o SET "envelope" = e."envelope" FROM "scoring"."outbox_event_envelope" e
        WHERE o."envelope" IS NULL AND e."position" = o."position"`,
    );
    // A row whose report row is gone has nothing to publish.
    await queryRunner.query(`DELETE FROM "scoring"."outbox_event" WHERE "envelope" IS NULL`);
    await queryRunner.query(`DROP VIEW "scoring"."outbox_event_envelope"`);
    await queryRunner.query(
      `ALTER TABLE "scoring"."outbox_event"
         DROP CONSTRAINT "outbox_event_envelope_or_report",
         DROP COLUMN "envelope_head", DROP COLUMN "envelope_tail",
         DROP COLUMN "report_cycle_id", DROP COLUMN "report_subject_id", DROP COLUMN "report_result_set",
         ALTER COLUMN "envelope" SET NOT NULL`,
    );
  }
}
