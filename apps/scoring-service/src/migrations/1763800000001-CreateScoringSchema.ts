import { createOutboxTables, dropOutboxTables } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScoringSchema1763800000001 implements MigrationInterface {
  name = 'CreateScoringSchema1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
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
        "comments" jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE INDEX "rater_response_by_subject" ON "scoring"."rater_response" ("cycle_id", "subject_id", "rater_id", "response_version" DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE "scoring"."subject_report" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "organisation_id" text NOT NULL,
        "report_version" int NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "response_count" int NOT NULL,
        "report" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "subject_id")
      )`);
    await createOutboxTables(queryRunner, 'scoring');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTables(queryRunner, 'scoring');
    await queryRunner.query(`DROP TABLE "scoring"."subject_report"`);
    await queryRunner.query(`DROP TABLE "scoring"."rater_response"`);
  }
}
