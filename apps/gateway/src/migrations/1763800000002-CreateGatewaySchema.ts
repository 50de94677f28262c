import { createOutboxTables, dropOutboxTables } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's own tables: organisations, people, accounts, cycles, nominations, assignments, receipts and report read models. */
export class CreateGatewaySchema1763800000002 implements MigrationInterface {
  name = 'CreateGatewaySchema1763800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."organisation" (
        "id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "gateway"."person" (
        "id" uuid PRIMARY KEY,
        "organisation_id" uuid NOT NULL REFERENCES "gateway"."organisation"("id"),
        "employee_id" text NOT NULL,
        "name" text NOT NULL,
        "email" text NULL,
        "title" text NULL,
        "department" text NULL,
        "manager_employee_id" text NULL,
        "manager_id" uuid NULL REFERENCES "gateway"."person"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("organisation_id", "employee_id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "person_email" ON "gateway"."person" ("organisation_id", lower("email")) WHERE "email" IS NOT NULL`);
    await q.query(`CREATE INDEX "person_manager" ON "gateway"."person" ("manager_id")`);
    await q.query(`
      CREATE TABLE "gateway"."account" (
        "id" uuid PRIMARY KEY,
        "organisation_id" uuid NOT NULL REFERENCES "gateway"."organisation"("id"),
        "person_id" uuid NULL REFERENCES "gateway"."person"("id"),
        "email" text NOT NULL,
        "password_hash" text NOT NULL,
        "is_hr_admin" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "account_email" ON "gateway"."account" (lower("email"))`);
    await q.query(`
      CREATE TABLE "gateway"."session" (
        "token_hash" text PRIMARY KEY,
        "account_id" uuid NOT NULL REFERENCES "gateway"."account"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz NULL
      )`);
    await q.query(`
      CREATE TABLE "gateway"."cycle" (
        "id" uuid PRIMARY KEY,
        "organisation_id" uuid NOT NULL REFERENCES "gateway"."organisation"("id"),
        "name" text NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "role_profile_id" text NOT NULL,
        "anonymity_threshold" int NOT NULL,
        "min_raters" jsonb NOT NULL,
        "max_raters_per_group" int NOT NULL,
        "opens_at" timestamptz NOT NULL,
        "closes_at" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('draft', 'launched', 'closed', 'released')),
        "launched_at" timestamptz NULL,
        "closed_at" timestamptz NULL,
        "released_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "cycle_by_organisation" ON "gateway"."cycle" ("organisation_id")`);
    await q.query(`
      CREATE TABLE "gateway"."cycle_subject" (
        "cycle_id" uuid NOT NULL REFERENCES "gateway"."cycle"("id"),
        "person_id" uuid NOT NULL REFERENCES "gateway"."person"("id"),
        "added_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("cycle_id", "person_id")
      )`);
    await q.query(`
      CREATE TABLE "gateway"."nomination" (
        "id" uuid PRIMARY KEY,
        "cycle_id" uuid NOT NULL REFERENCES "gateway"."cycle"("id"),
        "subject_id" uuid NOT NULL REFERENCES "gateway"."person"("id"),
        "rater_id" uuid NOT NULL REFERENCES "gateway"."person"("id"),
        "rater_group" text NOT NULL,
        "source" text NOT NULL CHECK ("source" IN ('proposed', 'subject', 'hr')),
        "status" text NOT NULL CHECK ("status" IN ('proposed', 'approved', 'removed')),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("cycle_id", "subject_id", "rater_id")
      )`);
    await q.query(`
      CREATE TABLE "gateway"."assignment" (
        "id" uuid PRIMARY KEY,
        "organisation_id" uuid NOT NULL,
        "cycle_id" uuid NOT NULL REFERENCES "gateway"."cycle"("id"),
        "subject_id" uuid NOT NULL REFERENCES "gateway"."person"("id"),
        "rater_person_id" uuid NOT NULL REFERENCES "gateway"."person"("id"),
        "rater_group" text NOT NULL,
        "token_hash" text NOT NULL UNIQUE,
        "token_cipher" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('invited', 'started', 'submitted')),
        "draft_answers" jsonb NOT NULL DEFAULT '{}',
        "draft_comments" jsonb NOT NULL DEFAULT '{}',
        "invited_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz NULL,
        "submitted_at" timestamptz NULL,
        "reminded_at" timestamptz NULL,
        "revoked_at" timestamptz NULL,
        UNIQUE ("cycle_id", "subject_id", "rater_person_id")
      )`);
    await q.query(`
      CREATE TABLE "gateway"."audit_event" (
        "id" bigserial PRIMARY KEY,
        "organisation_id" uuid NOT NULL,
        "account_id" uuid NULL,
        "action" text NOT NULL,
        "target" text NOT NULL,
        "detail" jsonb NOT NULL DEFAULT '{}',
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "gateway"."submission" (
        "id" uuid PRIMARY KEY,
        "idempotency_key" uuid NOT NULL UNIQUE,
        "request_hash" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "assignment_id" uuid NOT NULL REFERENCES "gateway"."assignment"("id"),
        "status" text NOT NULL CHECK ("status" IN ('accepted', 'recorded', 'rejected')),
        "reasons" jsonb NULL,
        "accepted_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "gateway"."subject_report" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "result_set" text NOT NULL,
        "organisation_id" text NOT NULL,
        "report_version" int NOT NULL,
        "instrument_version" int NOT NULL,
        "role_profile_id" text NULL,
        "response_count" int NOT NULL,
        "group_counts" jsonb NOT NULL,
        "report" jsonb NOT NULL,
        "scored_at" timestamptz NOT NULL,
        PRIMARY KEY ("cycle_id", "subject_id", "result_set")
      )`);
    // What the subject and their manager see after release: changes only by the publication rule.
    await q.query(`
      CREATE TABLE "gateway"."published_report" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "organisation_id" text NOT NULL,
        "report_version" int NOT NULL,
        "group_counts" jsonb NOT NULL,
        "report" jsonb NOT NULL,
        "published_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("cycle_id", "subject_id")
      )`);
    await createOutboxTables(q, 'gateway');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTables(q, 'gateway');
    for (const table of [
      'published_report',
      'subject_report',
      'submission',
      'audit_event',
      'assignment',
      'nomination',
      'cycle_subject',
      'cycle',
      'session',
      'account',
      'person',
      'organisation',
    ]) {
      await q.query(`DROP TABLE "gateway"."${table}"`);
    }
  }
}
