import { createOutboxTables, dropOutboxTables } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScoringSchema1763800000001 implements MigrationInterface {
  name = 'CreateScoringSchema1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The scoring service's own copy of every recorded response version (fed by response.recorded).
    await queryRunner.query(`
      CREATE TABLE "scoring"."rater_response" (
        "response_id" uuid PRIMARY KEY,
        "organisation_id" text NOT NULL,
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "rater_id" text NOT NULL,
        "rater_group" text NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "response_version" int NOT NULL,
        "answers" jsonb NOT NULL,
        "comments" jsonb NOT NULL DEFAULT '{}',
        "policy" jsonb NOT NULL,
        "recorded_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "rater_response_by_subject" ON "scoring"."rater_response" ("cycle_id", "subject_id", "rater_id", "response_version" DESC)`,
    );
    // Reports, versioned by result set: 'live' is the cycle's own scoring; a rescore writes its own
    // result set (id = rescore id) and never touches the earlier ones.
    await queryRunner.query(`
      CREATE TABLE "scoring"."subject_report" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "result_set" text NOT NULL,
        "organisation_id" text NOT NULL,
        "report_version" int NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "role_profile_id" text NULL,
        "min_group_size" int NOT NULL,
        "group_counts" jsonb NOT NULL,
        "response_count" int NOT NULL,
        "report" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "subject_id", "result_set")
      )`);
    // One row per rescore of a cycle: what it was asked to score with, and when it finished.
    await queryRunner.query(`
      CREATE TABLE "scoring"."rescore" (
        "rescore_id" text NOT NULL,
        "cycle_id" text NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "role_profile_id" text NULL,
        "min_group_size" int NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "completed_at" timestamptz NULL,
        "subject_count" int NULL,
        PRIMARY KEY ("rescore_id", "cycle_id")
      )`);
    await createOutboxTables(queryRunner, 'scoring');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTables(queryRunner, 'scoring');
    await queryRunner.query(`DROP TABLE "scoring"."rescore"`);
    await queryRunner.query(`DROP TABLE "scoring"."subject_report"`);
    await queryRunner.query(`DROP TABLE "scoring"."rater_response"`);
  }
}
