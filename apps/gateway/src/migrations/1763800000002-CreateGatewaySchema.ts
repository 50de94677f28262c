import { createOutboxTables, dropOutboxTables } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGatewaySchema1763800000002 implements MigrationInterface {
  name = 'CreateGatewaySchema1763800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."submission" (
        "id" uuid PRIMARY KEY,
        "idempotency_key" uuid NOT NULL UNIQUE,
        "request_hash" text NOT NULL,
        "organisation_id" text NOT NULL,
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "rater_id" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('accepted', 'recorded', 'rejected')),
        "reasons" jsonb NULL,
        "accepted_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."subject_report" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "organisation_id" text NOT NULL,
        "report_version" int NOT NULL,
        "response_count" int NOT NULL,
        "report" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "subject_id")
      )`);
    await createOutboxTables(queryRunner, 'gateway');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTables(queryRunner, 'gateway');
    await queryRunner.query(`DROP TABLE "gateway"."subject_report"`);
    await queryRunner.query(`DROP TABLE "gateway"."submission"`);
  }
}
