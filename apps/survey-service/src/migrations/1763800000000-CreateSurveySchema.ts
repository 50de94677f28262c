import { createOutboxTables, dropOutboxTables } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSurveySchema1763800000000 implements MigrationInterface {
  name = 'CreateSurveySchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "survey"."response" (
        "id" uuid PRIMARY KEY,
        "submission_id" uuid NOT NULL UNIQUE,
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
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("cycle_id", "subject_id", "rater_id", "response_version")
      )`);
    await queryRunner.query(`CREATE INDEX "response_by_subject" ON "survey"."response" ("cycle_id", "subject_id")`);
    await queryRunner.query(`
      CREATE TABLE "survey"."rejection" (
        "submission_id" uuid PRIMARY KEY,
        "organisation_id" text NOT NULL,
        "reasons" jsonb NOT NULL,
        "rejected_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // Append-only: responses are never updated or deleted in place.
    await queryRunner.query(`
      CREATE FUNCTION "survey"."refuse_response_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'survey.response is append-only: write a new version instead'; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "response_append_only" BEFORE UPDATE OR DELETE ON "survey"."response"
      FOR EACH ROW EXECUTE FUNCTION "survey"."refuse_response_change"()`);
    await createOutboxTables(queryRunner, 'survey');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTables(queryRunner, 'survey');
    await queryRunner.query(`DROP TABLE "survey"."rejection"`);
    await queryRunner.query(`DROP TABLE "survey"."response"`);
    await queryRunner.query(`DROP FUNCTION "survey"."refuse_response_change"()`);
  }
}
