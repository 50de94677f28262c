import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cycle-level results (norms, alpha, ICC per rater group) and each subject's comparisons (percentiles, trend). */
export class AddCycleResults1764500000000 implements MigrationInterface {
  name = 'AddCycleResults1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scoring"."cycle_result" (
        "cycle_id" text NOT NULL,
        "result_set" text NOT NULL,
        "organisation_id" text NOT NULL,
        "result_version" int NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "role_profile_id" text NULL,
        "min_group_size" int NOT NULL,
        "closed" boolean NOT NULL,
        "subject_count" int NOT NULL,
        "first_recorded_at" timestamptz NOT NULL,
        "result" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "result_set")
      )`);
    // The organisation's norm group: closed cycles of one instrument version and role profile.
    await queryRunner.query(
      `CREATE INDEX "cycle_result_norm_group" ON "scoring"."cycle_result" ("organisation_id", "instrument_id", "instrument_version") WHERE "closed"`,
    );
    await queryRunner.query(`
      CREATE TABLE "scoring"."subject_comparison" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "result_set" text NOT NULL,
        "organisation_id" text NOT NULL,
        "comparison_version" int NOT NULL,
        "norm_scores" jsonb NOT NULL,
        "comparisons" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "subject_id", "result_set")
      )`);
    await queryRunner.query(
      `CREATE INDEX "rater_response_by_organisation_subject" ON "scoring"."rater_response" ("organisation_id", "subject_id", "cycle_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "scoring"."rater_response_by_organisation_subject"`);
    await queryRunner.query(`DROP TABLE "scoring"."subject_comparison"`);
    await queryRunner.query(`DROP TABLE "scoring"."cycle_result"`);
  }
}
