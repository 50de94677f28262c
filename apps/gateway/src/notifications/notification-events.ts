import { InvitationIssuedV2, ResultsReleasedV1, SurveyTokenSeal } from '@leaderscope/events';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';

export const SURVEY_TOKEN_SEAL = Symbol('SURVEY_TOKEN_SEAL');

/** Automatic reminders: days before a cycle closes. */
export const DEFAULT_REMINDER_DAYS = [3];

export interface IssuedAssignment {
  id: string;
  subjectId: string;
  raterPersonId: string;
  raterGroup: InvitationIssuedV2['raterGroup'];
  /** The raw token, in memory only: it leaves here sealed for the notifier. */
  token: string;
}

interface CycleFacts {
  id: string;
  organisationId: string;
  name: string;
  anonymityThreshold: number;
  closesAt: Date;
}

/**
 * Builds the payloads of the events that make the notification service write to people: every
 * name and fact the mail says, and the survey token sealed for the notifier (never in clear).
 */
@Injectable()
export class NotificationEvents {
  constructor(@Inject(SURVEY_TOKEN_SEAL) private readonly seal: SurveyTokenSeal) {}

  /** Who asks, as the mail says it: the HR person, or the organisation's HR team. */
  async requester(manager: EntityManager, viewer: Viewer): Promise<string> {
    if (viewer.personId) {
      const [row] = await manager.query(`SELECT "name" FROM "gateway"."person" WHERE "id" = $1`, [viewer.personId]);
      if (row) return row.name;
    }
    const [org] = await manager.query(`SELECT "name" FROM "gateway"."organisation" WHERE "id" = $1`, [viewer.organisationId]);
    return `The HR team of ${org?.name ?? 'your organisation'}`;
  }

  async invitations(manager: EntityManager, cycle: CycleFacts, requestedBy: string, assignments: IssuedAssignment[], options: { resend?: boolean } = {}): Promise<InvitationIssuedV2[]> {
    const ids = [...new Set(assignments.flatMap((a) => [a.subjectId, a.raterPersonId]))];
    const people = new Map<string, { name: string; email: string | null }>(
      (await manager.query(`SELECT "id", "name", "email" FROM "gateway"."person" WHERE "id" = ANY($1::uuid[])`, [ids])).map(
        (p: { id: string; name: string; email: string | null }) => [p.id, p],
      ),
    );
    const [org] = await manager.query(`SELECT "name" FROM "gateway"."organisation" WHERE "id" = $1`, [cycle.organisationId]);
    const now = new Date().toISOString();
    return assignments.map((a) => ({
      cycleId: cycle.id,
      cycleName: cycle.name,
      organisationName: org.name,
      requestedBy,
      subjectId: a.subjectId,
      subjectName: people.get(a.subjectId)!.name,
      assignmentId: a.id,
      raterPersonId: a.raterPersonId,
      raterName: people.get(a.raterPersonId)!.name,
      raterGroup: a.raterGroup,
      email: people.get(a.raterPersonId)!.email || null,
      anonymityThreshold: cycle.anonymityThreshold,
      closesAt: cycle.closesAt.toISOString(),
      reminderDaysBeforeClose: DEFAULT_REMINDER_DAYS,
      sealedToken: this.seal.seal(a.token, a.id),
      resend: options.resend ?? false,
      issuedAt: now,
    }));
  }

  /** One `results.released` per subject: the subject and their manager hear the report is ready. */
  async released(manager: EntityManager, cycle: CycleFacts): Promise<ResultsReleasedV1[]> {
    const rows: { subjectId: string; subjectName: string; subjectEmail: string | null; managerId: string | null; managerName: string | null; managerEmail: string | null }[] =
      await manager.query(
        `SELECT s."id" AS "subjectId", s."name" AS "subjectName", s."email" AS "subjectEmail",
                m."id" AS "managerId", m."name" AS "managerName", m."email" AS "managerEmail"
         FROM "gateway"."cycle_subject" cs JOIN "gateway"."person" s ON s."id" = cs."person_id"
         LEFT JOIN "gateway"."person" m ON m."id" = s."manager_id"
         WHERE cs."cycle_id" = $1`,
        [cycle.id],
      );
    const [org] = await manager.query(`SELECT "name" FROM "gateway"."organisation" WHERE "id" = $1`, [cycle.organisationId]);
    const now = new Date().toISOString();
    return rows.map((r) => ({
      cycleId: cycle.id,
      cycleName: cycle.name,
      organisationName: org.name,
      subjectId: r.subjectId,
      subjectName: r.subjectName,
      recipients: [
        { personId: r.subjectId, name: r.subjectName, email: r.subjectEmail || null, isSubject: true },
        ...(r.managerId ? [{ personId: r.managerId, name: r.managerName!, email: r.managerEmail || null, isSubject: false }] : []),
      ],
      releasedAt: now,
    }));
  }
}
