import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the scoring service's cycle results (cycle.scored) and subject comparisons (report.comparisons-updated). */
export class AddCycleResults1764500000001 implements MigrationInterface {
  name = 'AddCycleResults1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."cycle_result" (
        "cycle_id" uuid NOT NULL,
        "result_set" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "result_version" int NOT NULL,
        "instrument_id" text NOT NULL,
        "closed" boolean NOT NULL,
        "result" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "result_set")
      )`);
    await q.query(
      `CREATE INDEX "cycle_result_by_organisation" ON "gateway"."cycle_result" ("organisation_id", "instrument_id", "scored_at" DESC) WHERE "closed"`,
    );
    await q.query(`
      CREATE TABLE "gateway"."subject_comparison" (
        "cycle_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "result_set" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "comparison_version" int NOT NULL,
        "comparisons" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "subject_id", "result_set")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."subject_comparison"`);
    await q.query(`DROP TABLE "gateway"."cycle_result"`);
  }
}
