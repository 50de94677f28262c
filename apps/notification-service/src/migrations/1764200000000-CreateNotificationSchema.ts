import { createOutboxTables, dropOutboxTables } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationSchema1764200000000 implements MigrationInterface {
  name = 'CreateNotificationSchema1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per rater assignment, from its invitation: what reminders need (the survey token
    // only sealed, never in clear) and the facts that stop them (submitted, cycle closed).
    await queryRunner.query(`
      CREATE TABLE "notification"."rater" (
        "assignment_id" text PRIMARY KEY,
        "organisation_id" text NOT NULL,
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "rater_person_id" text NOT NULL,
        "email" text,
        "sealed_token" text NOT NULL,
        "content" jsonb NOT NULL,
        "closes_at" timestamptz NOT NULL,
        "reminder_days" int[] NOT NULL DEFAULT '{}',
        "auto_reminders_done" int[] NOT NULL DEFAULT '{}',
        "last_reminded_at" timestamptz,
        "invited_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "rater_by_cycle" ON "notification"."rater" ("cycle_id")`);
    await queryRunner.query(`CREATE INDEX "rater_by_closing" ON "notification"."rater" ("closes_at")`);
    await queryRunner.query(`
      CREATE TABLE "notification"."submitted_assignment" (
        "assignment_id" text PRIMARY KEY,
        "submitted_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "notification"."closed_cycle" (
        "cycle_id" text PRIMARY KEY,
        "closed_at" timestamptz NOT NULL
      )`);
    // One row per mail. dedupe_key makes queuing idempotent (event id + recipient, or the automatic
    // reminder's assignment and day). status: queued, sending (leased by a sender), sent, deferred,
    // failed, recorded (no SMTP server: kept for the mail outbox), skipped.
    await queryRunner.query(`
      CREATE TABLE "notification"."mail" (
        "id" uuid PRIMARY KEY,
        "organisation_id" text NOT NULL,
        "dedupe_key" text NOT NULL UNIQUE,
        "kind" text NOT NULL,
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "assignment_id" text,
        "recipient_person_id" text NOT NULL,
        "to_address" text,
        "content" jsonb NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('queued', 'sending', 'sent', 'deferred', 'failed', 'recorded', 'skipped')),
        "reason" text,
        "attempts" int NOT NULL DEFAULT 0,
        "sequence" int NOT NULL DEFAULT 1,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "lease_until" timestamptz,
        "correlation_id" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "mail_due" ON "notification"."mail" ("next_attempt_at") WHERE "status" IN ('queued', 'deferred', 'sending')`,
    );
    await queryRunner.query(`CREATE INDEX "mail_by_assignment" ON "notification"."mail" ("assignment_id")`);
    await createOutboxTables(queryRunner, 'notification');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTables(queryRunner, 'notification');
    await queryRunner.query(`DROP TABLE "notification"."mail"`);
    await queryRunner.query(`DROP TABLE "notification"."closed_cycle"`);
    await queryRunner.query(`DROP TABLE "notification"."submitted_assignment"`);
    await queryRunner.query(`DROP TABLE "notification"."rater"`);
  }
}
