import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailContent } from '@leaderscope/messages';
import { DataSource, EntityManager } from 'typeorm';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'deferred' | 'failed' | 'recorded' | 'skipped';

export interface RaterRow {
  assignmentId: string;
  organisationId: string;
  cycleId: string;
  subjectId: string;
  raterPersonId: string;
  email: string | null;
  sealedToken: string;
  content: MailContent;
  closesAt: string;
  reminderDays: number[];
}

export interface RaterState extends RaterRow {
  lastRemindedAt: Date | null;
  submitted: boolean;
  closed: boolean;
}

export interface NewMail {
  id: string;
  organisationId: string;
  dedupeKey: string;
  kind: MailContent['kind'];
  cycleId: string;
  subjectId: string;
  assignmentId: string | null;
  recipientPersonId: string;
  toAddress: string | null;
  content: MailContent;
  status: MailStatus;
  reason: string | null;
  correlationId: string;
}

/** A mail as the sender or an event sees it. */
export interface MailRow {
  id: string;
  organisationId: string;
  kind: MailContent['kind'];
  cycleId: string;
  subjectId: string;
  assignmentId: string | null;
  recipientPersonId: string;
  toAddress: string | null;
  content: MailContent;
  status: MailStatus;
  reason: string | null;
  attempts: number;
  sequence: number;
  correlationId: string;
}

export interface ClaimedMail extends MailRow {
  sealedToken: string | null;
  raterSubmitted: boolean;
  cycleClosed: boolean;
}

export interface MailOutcome {
  id: string;
  status: 'sent' | 'deferred' | 'failed' | 'skipped';
  reason: string | null;
  nextAttemptAt: Date | null;
}

const MAIL_COLUMNS = `m."id", m."organisation_id" AS "organisationId", m."kind", m."cycle_id" AS "cycleId", m."subject_id" AS "subjectId",
  m."assignment_id" AS "assignmentId", m."recipient_person_id" AS "recipientPersonId", m."to_address" AS "toAddress", m."content",
  m."status", m."reason", m."attempts", m."sequence", m."correlation_id" AS "correlationId"`;

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The only place that speaks SQL to the notification schema. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsertRaters(manager: EntityManager, raters: RaterRow[]): Promise<void> {
    if (raters.length === 0) return;
    await manager.query(
      `INSERT INTO "notification"."rater" ("assignment_id", "organisation_id", "cycle_id", "subject_id", "rater_person_id", "email", "sealed_token", "content", "closes_at", "reminder_days")
       SELECT r."assignmentId", r."organisationId", r."cycleId", r."subjectId", r."raterPersonId", r."email", r."sealedToken", r."content", r."closesAt",
              ARRAY(SELECT jsonb_array_elements_text(r."reminderDays")::int)
       FROM jsonb_to_recordset($1::jsonb) AS r("assignmentId" text, "organisationId" text, "cycleId" text, "subjectId" text, "raterPersonId" text,
            "email" text, "sealedToken" text, "content" jsonb, "closesAt" timestamptz, "reminderDays" jsonb)
       ON CONFLICT ("assignment_id") DO UPDATE SET "email" = EXCLUDED."email", "sealed_token" = EXCLUDED."sealed_token", "content" = EXCLUDED."content",
            "closes_at" = EXCLUDED."closes_at", "reminder_days" = EXCLUDED."reminder_days"`,
      [JSON.stringify(raters)],
    );
  }

  async raterStates(manager: EntityManager, assignmentIds: string[]): Promise<Map<string, RaterState>> {
    if (assignmentIds.length === 0) return new Map();
    const rows: RaterState[] = await manager.query(
      `SELECT r."assignment_id" AS "assignmentId", r."organisation_id" AS "organisationId", r."cycle_id" AS "cycleId", r."subject_id" AS "subjectId",
              r."rater_person_id" AS "raterPersonId", r."email", r."sealed_token" AS "sealedToken", r."content", r."closes_at" AS "closesAt",
              r."reminder_days" AS "reminderDays", r."last_reminded_at" AS "lastRemindedAt",
              EXISTS (SELECT 1 FROM "notification"."submitted_assignment" s WHERE s."assignment_id" = r."assignment_id") AS "submitted",
              (EXISTS (SELECT 1 FROM "notification"."closed_cycle" c WHERE c."cycle_id" = r."cycle_id") OR r."closes_at" <= now()) AS "closed"
       FROM "notification"."rater" r WHERE r."assignment_id" = ANY($1::text[]) FOR UPDATE OF r`,
      [assignmentIds],
    );
    return new Map(rows.map((r) => [r.assignmentId, r]));
  }

  async markReminded(manager: EntityManager, assignmentIds: string[], at: Date, autoDays?: Map<string, number[]>): Promise<void> {
    if (assignmentIds.length === 0) return;
    await manager.query(
      `UPDATE "notification"."rater" r SET "last_reminded_at" = $2,
         "auto_reminders_done" = (SELECT ARRAY(SELECT DISTINCT unnest(r."auto_reminders_done" || COALESCE(ARRAY(SELECT jsonb_array_elements_text(d.days)::int), '{}'::int[]))))
       FROM jsonb_to_recordset($1::jsonb) AS d("assignmentId" text, "days" jsonb) WHERE r."assignment_id" = d."assignmentId"`,
      [JSON.stringify(assignmentIds.map((id) => ({ assignmentId: id, days: autoDays?.get(id) ?? [] }))), at],
    );
  }

  async recordSubmitted(manager: EntityManager, assignmentIds: string[]): Promise<void> {
    if (assignmentIds.length === 0) return;
    await manager.query(
      `INSERT INTO "notification"."submitted_assignment" ("assignment_id") SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [assignmentIds],
    );
  }

  async recordClosed(manager: EntityManager, cycleId: string, closedAt: string): Promise<void> {
    await manager.query(`INSERT INTO "notification"."closed_cycle" ("cycle_id", "closed_at") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      cycleId,
      closedAt,
    ]);
  }

  /** Inserts mails; a mail whose dedupe key exists already is left alone. Returns the inserted ones. */
  async insertMails(manager: EntityManager, mails: NewMail[]): Promise<MailRow[]> {
    if (mails.length === 0) return [];
    const rows: MailRow[] = [];
    for (let i = 0; i < mails.length; i += 2000) {
      rows.push(
        ...(await manager.query<MailRow[]>(
          `INSERT INTO "notification"."mail" AS m ("id", "organisation_id", "dedupe_key", "kind", "cycle_id", "subject_id", "assignment_id", "recipient_person_id",
              "to_address", "content", "status", "reason", "correlation_id")
           SELECT r."id", r."organisationId", r."dedupeKey", r."kind", r."cycleId", r."subjectId", r."assignmentId", r."recipientPersonId",
              r."toAddress", r."content", r."status", r."reason", r."correlationId"
           FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "organisationId" text, "dedupeKey" text, "kind" text, "cycleId" text, "subjectId" text,
              "assignmentId" text, "recipientPersonId" text, "toAddress" text, "content" jsonb, "status" text, "reason" text, "correlationId" text)
           ON CONFLICT ("dedupe_key") DO NOTHING
           RETURNING ${MAIL_COLUMNS}`,
          [JSON.stringify(mails.slice(i, i + 2000))],
        )),
      );
    }
    return rows;
  }

  /**
   * Leases up to `limit` due mails to this sender (queued, deferred whose time has come, or sending
   * whose lease ran out because a sender died), counting the attempt.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    return rowsOf<ClaimedMail>(
      await this.dataSource.query(
        `WITH due AS (
         SELECT "id" FROM "notification"."mail"
         WHERE ("status" IN ('queued', 'deferred') AND "next_attempt_at" <= now()) OR ("status" = 'sending' AND "lease_until" < now())
         ORDER BY "next_attempt_at" LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE "notification"."mail" m SET "status" = 'sending', "lease_until" = now() + $2 * interval '1 millisecond', "attempts" = m."attempts" + 1
       FROM due WHERE m."id" = due."id"
       RETURNING ${MAIL_COLUMNS},
         (SELECT r."sealed_token" FROM "notification"."rater" r WHERE r."assignment_id" = m."assignment_id") AS "sealedToken",
         EXISTS (SELECT 1 FROM "notification"."submitted_assignment" s WHERE s."assignment_id" = m."assignment_id") AS "raterSubmitted",
         EXISTS (SELECT 1 FROM "notification"."closed_cycle" c WHERE c."cycle_id" = m."cycle_id") AS "cycleClosed"`,
        [limit, leaseMs],
      ),
    );
  }

  /** Writes what happened to leased mails; returns them as they are now (for the delivery events). */
  async finish(manager: EntityManager, outcomes: MailOutcome[]): Promise<MailRow[]> {
    if (outcomes.length === 0) return [];
    return rowsOf<MailRow>(
      await manager.query(
        `UPDATE "notification"."mail" m SET "status" = o."status", "reason" = o."reason", "sequence" = m."sequence" + 1, "lease_until" = NULL,
          "next_attempt_at" = COALESCE(o."nextAttemptAt", m."next_attempt_at"),
          "sent_at" = CASE WHEN o."status" = 'sent' THEN now() ELSE m."sent_at" END
       FROM jsonb_to_recordset($1::jsonb) AS o("id" uuid, "status" text, "reason" text, "nextAttemptAt" timestamptz)
       WHERE m."id" = o."id" AND m."status" = 'sending'
       RETURNING ${MAIL_COLUMNS}`,
        [JSON.stringify(outcomes)],
      ),
    );
  }

  /**
   * Raters due an automatic reminder: not submitted, cycle open, with an e-mail address, a day of
   * their schedule reached and not yet reminded for it, and not reminded within `minIntervalMs`.
   */
  async dueAutomaticReminders(
    manager: EntityManager,
    minIntervalMs: number,
    limit: number,
  ): Promise<(RaterState & { dueDays: number[] })[]> {
    return manager.query(
      `SELECT r."assignment_id" AS "assignmentId", r."organisation_id" AS "organisationId", r."cycle_id" AS "cycleId", r."subject_id" AS "subjectId",
              r."rater_person_id" AS "raterPersonId", r."email", r."sealed_token" AS "sealedToken", r."content", r."closes_at" AS "closesAt",
              r."reminder_days" AS "reminderDays", r."last_reminded_at" AS "lastRemindedAt", false AS "submitted", false AS "closed",
              ARRAY(SELECT d FROM unnest(r."reminder_days") AS d WHERE r."closes_at" - d * interval '1 day' <= now() AND NOT d = ANY(r."auto_reminders_done") ORDER BY d) AS "dueDays"
       FROM "notification"."rater" r
       WHERE r."email" IS NOT NULL AND r."closes_at" > now()
         AND EXISTS (SELECT 1 FROM unnest(r."reminder_days") AS d WHERE r."closes_at" - d * interval '1 day' <= now() AND NOT d = ANY(r."auto_reminders_done"))
         AND (r."last_reminded_at" IS NULL OR r."last_reminded_at" < now() - $1 * interval '1 millisecond')
         AND NOT EXISTS (SELECT 1 FROM "notification"."submitted_assignment" s WHERE s."assignment_id" = r."assignment_id")
         AND NOT EXISTS (SELECT 1 FROM "notification"."closed_cycle" c WHERE c."cycle_id" = r."cycle_id")
       ORDER BY r."closes_at" LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [minIntervalMs, limit],
    );
  }
}
