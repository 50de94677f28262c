import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailContent } from '@leaderscope/messages';
import { DataSource, EntityManager } from 'typeorm';

export interface DeliveryRow {
  mailId: string;
  organisationId: string;
  cycleId: string;
  subjectId: string;
  assignmentId: string | null;
  recipientPersonId: string;
  kind: string;
  email: string | null;
  status: string;
  reason: string | null;
  attempts: number;
  sequence: number;
  content: Record<string, unknown>;
  updatedAt: string;
}

export interface PersonRow {
  id: string;
  name: string;
  email: string | null;
}

/** The notifications capability's data access: the delivery read model and what mails need from the directory. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest state per mail wins (by sequence), whatever the order of arrival. */
  async upsertDeliveries(manager: EntityManager, rows: DeliveryRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO "gateway"."mail_delivery" ("mail_id", "organisation_id", "cycle_id", "subject_id", "assignment_id", "recipient_person_id", "kind", "email",
          "status", "reason", "attempts", "sequence", "content", "updated_at")
       SELECT r."mailId", r."organisationId", r."cycleId", r."subjectId", r."assignmentId", r."recipientPersonId", r."kind", r."email",
          r."status", r."reason", r."attempts", r."sequence", r."content", r."updatedAt"
       FROM jsonb_to_recordset($1::jsonb) AS r("mailId" uuid, "organisationId" uuid, "cycleId" uuid, "subjectId" uuid, "assignmentId" uuid,
          "recipientPersonId" uuid, "kind" text, "email" text, "status" text, "reason" text, "attempts" int, "sequence" int, "content" jsonb, "updatedAt" timestamptz)
       ON CONFLICT ("mail_id") DO UPDATE SET "status" = EXCLUDED."status", "reason" = EXCLUDED."reason", "attempts" = EXCLUDED."attempts",
          "sequence" = EXCLUDED."sequence", "updated_at" = EXCLUDED."updated_at"
       WHERE "mail_delivery"."sequence" < EXCLUDED."sequence"`,
      [JSON.stringify(rows)],
    );
  }

  /** Per live assignment of a cycle: the rater, and the newest invitation and reminder delivery. */
  deliveriesOfCycle(cycleId: string): Promise<Record<string, unknown>[]> {
    const latest = (
      kind: string,
    ) => `(SELECT row_to_json(x) FROM (SELECT d."mail_id" AS "mailId", d."status", d."reason", d."attempts", d."updated_at" AS "updatedAt"
         FROM "gateway"."mail_delivery" d WHERE d."assignment_id" = a."id" AND d."kind" = '${kind}' ORDER BY d."created_at" DESC LIMIT 1) x)`;
    return this.dataSource.query(
      `SELECT a."id" AS "assignmentId", a."subject_id" AS "subjectId", s."name" AS "subjectName", r."name" AS "raterName", r."email" AS "raterEmail",
              a."rater_group" AS "group", a."status" AS "surveyStatus", ${latest('invitation')} AS "invitation", ${latest('reminder')} AS "reminder"
       FROM "gateway"."assignment" a JOIN "gateway"."person" s ON s."id" = a."subject_id" JOIN "gateway"."person" r ON r."id" = a."rater_person_id"
       WHERE a."cycle_id" = $1 AND a."revoked_at" IS NULL ORDER BY s."name", a."rater_group", r."name"`,
      [cycleId],
    );
  }

  async assignment(
    organisationId: string,
    assignmentId: string,
  ): Promise<{
    id: string;
    cycleId: string;
    subjectId: string;
    raterPersonId: string;
    raterGroup: string;
    tokenCipher: string;
    status: string;
    revokedAt: Date | null;
  } | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        cycleId: string;
        subjectId: string;
        raterPersonId: string;
        raterGroup: string;
        tokenCipher: string;
        status: string;
        revokedAt: Date | null;
      }[]
    >(
      `SELECT a."id", a."cycle_id" AS "cycleId", a."subject_id" AS "subjectId", a."rater_person_id" AS "raterPersonId", a."rater_group" AS "raterGroup",
              a."token_cipher" AS "tokenCipher", a."status", a."revoked_at" AS "revokedAt"
       FROM "gateway"."assignment" a WHERE a."id" = $1 AND a."organisation_id" = $2`,
      [assignmentId, organisationId],
    );
    return row ?? null;
  }

  outboxMails(
    organisationId: string,
    cycleId: string | null,
  ): Promise<{ mailId: string; kind: string; cycleId: string; to: string | null; content: MailContent; createdAt: Date }[]> {
    return this.dataSource.query<
      { mailId: string; kind: string; cycleId: string; to: string | null; content: MailContent; createdAt: Date }[]
    >(
      `SELECT d."mail_id" AS "mailId", d."kind", d."cycle_id" AS "cycleId", d."email" AS "to", d."content", d."created_at" AS "createdAt"
       FROM "gateway"."mail_delivery" d WHERE d."organisation_id" = $1 AND d."status" = 'recorded' AND ($2::uuid IS NULL OR d."cycle_id" = $2::uuid)
       ORDER BY d."created_at" DESC, d."mail_id" LIMIT 5000`,
      [organisationId, cycleId],
    );
  }

  async outboxMail(
    organisationId: string,
    mailId: string,
  ): Promise<{ mailId: string; to: string | null; content: MailContent; assignmentId: string | null; tokenCipher: string | null } | null> {
    const [row] = await this.dataSource.query<
      { mailId: string; to: string | null; content: MailContent; assignmentId: string | null; tokenCipher: string | null }[]
    >(
      `SELECT d."mail_id" AS "mailId", d."email" AS "to", d."content", d."assignment_id" AS "assignmentId", a."token_cipher" AS "tokenCipher"
       FROM "gateway"."mail_delivery" d LEFT JOIN "gateway"."assignment" a ON a."id" = d."assignment_id"
       WHERE d."mail_id" = $1 AND d."organisation_id" = $2 AND d."status" = 'recorded'`,
      [mailId, organisationId],
    );
    return row ?? null;
  }

  /** A person's own assignments still to answer, in launched cycles not yet closed. */
  openSurveysOf(
    organisationId: string,
    personId: string,
  ): Promise<
    {
      assignmentId: string;
      cycleId: string;
      cycleName: string;
      subjectName: string;
      relationship: string;
      status: string;
      closesAt: Date;
      tokenCipher: string;
    }[]
  > {
    return this.dataSource.query(
      `SELECT a."id" AS "assignmentId", c."id" AS "cycleId", c."name" AS "cycleName", s."name" AS "subjectName", a."rater_group" AS "relationship",
              a."status", c."closes_at" AS "closesAt", a."token_cipher" AS "tokenCipher"
       FROM "gateway"."assignment" a JOIN "gateway"."cycle" c ON c."id" = a."cycle_id" JOIN "gateway"."person" s ON s."id" = a."subject_id"
       WHERE a."rater_person_id" = $1 AND a."organisation_id" = $2 AND a."revoked_at" IS NULL AND a."status" <> 'submitted'
         AND c."status" = 'launched' AND c."closes_at" > now()
       ORDER BY c."closes_at", s."name"`,
      [personId, organisationId],
    );
  }

  /** The live assignments of a cycle whose rater has not submitted and has no e-mail address (the others get their link by mail). */
  pendingLinks(cycleId: string): Promise<
    {
      subjectName: string;
      raterName: string;
      employeeId: string;
      group: string;
      status: string;
      tokenCipher: string;
    }[]
  > {
    return this.dataSource.query(
      `SELECT s."name" AS "subjectName", r."name" AS "raterName", r."employee_id" AS "employeeId", a."rater_group" AS "group", a."status", a."token_cipher" AS "tokenCipher"
       FROM "gateway"."assignment" a JOIN "gateway"."person" s ON s."id" = a."subject_id" JOIN "gateway"."person" r ON r."id" = a."rater_person_id"
       WHERE a."cycle_id" = $1 AND a."revoked_at" IS NULL AND a."status" <> 'submitted' AND coalesce(r."email", '') = ''
       ORDER BY r."name", s."name"`,
      [cycleId],
    );
  }

  subjectsOf(manager: EntityManager, cycleId: string): Promise<PersonRow[]> {
    return manager.query(
      `SELECT p."id", p."name", p."email" FROM "gateway"."cycle_subject" cs JOIN "gateway"."person" p ON p."id" = cs."person_id" WHERE cs."cycle_id" = $1`,
      [cycleId],
    );
  }

  /** Each subject of a cycle with their manager, if any. */
  subjectsWithManagers(
    manager: EntityManager,
    cycleId: string,
  ): Promise<
    {
      subjectId: string;
      subjectName: string;
      subjectEmail: string | null;
      managerId: string | null;
      managerName: string | null;
      managerEmail: string | null;
    }[]
  > {
    return manager.query(
      `SELECT s."id" AS "subjectId", s."name" AS "subjectName", s."email" AS "subjectEmail",
              m."id" AS "managerId", m."name" AS "managerName", m."email" AS "managerEmail"
       FROM "gateway"."cycle_subject" cs JOIN "gateway"."person" s ON s."id" = cs."person_id"
       LEFT JOIN "gateway"."person" m ON m."id" = s."manager_id"
       WHERE cs."cycle_id" = $1`,
      [cycleId],
    );
  }

  async managerOf(
    manager: EntityManager,
    subjectId: string,
  ): Promise<{ subjectName: string; managerId: string | null; managerName: string | null; managerEmail: string | null } | null> {
    const [row] = await manager.query<
      { subjectName: string; managerId: string | null; managerName: string | null; managerEmail: string | null }[]
    >(
      `SELECT s."name" AS "subjectName", m."id" AS "managerId", m."name" AS "managerName", m."email" AS "managerEmail"
       FROM "gateway"."person" s LEFT JOIN "gateway"."person" m ON m."id" = s."manager_id" WHERE s."id" = $1`,
      [subjectId],
    );
    return row ?? null;
  }

  async people(manager: EntityManager, ids: string[]): Promise<Map<string, PersonRow>> {
    const rows: PersonRow[] = await manager.query(`SELECT "id", "name", "email" FROM "gateway"."person" WHERE "id" = ANY($1::uuid[])`, [
      ids,
    ]);
    return new Map(rows.map((p) => [p.id, p]));
  }

  async personName(manager: EntityManager, personId: string): Promise<string | null> {
    const [row] = await manager.query<{ name: string }[]>(`SELECT "name" FROM "gateway"."person" WHERE "id" = $1`, [personId]);
    return row?.name ?? null;
  }

  async organisationName(manager: EntityManager, organisationId: string): Promise<string> {
    const [row] = await manager.query<{ name: string }[]>(`SELECT "name" FROM "gateway"."organisation" WHERE "id" = $1`, [organisationId]);
    return row?.name ?? 'your organisation';
  }
}
