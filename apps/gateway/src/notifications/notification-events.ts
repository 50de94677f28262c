import { InvitationIssuedV2, ResultsReleasedV1, SurveyTokenSeal } from '@leaderscope/events';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';
import { NotificationsRepository } from './notifications.repository';

export const SURVEY_TOKEN_SEAL = Symbol('SURVEY_TOKEN_SEAL');

/** Automatic reminders: days before a cycle closes. */
export const DEFAULT_REMINDER_DAYS = [3];

export interface IssuedAssignment {
  id: string;
  subjectId: string;
  raterPersonId: string;
  raterGroup: string;
  /** The raw token, in memory only: it leaves here sealed for the notifier. */
  token: string;
}

interface CycleFacts {
  id: string;
  organisationId: string;
  name: string;
  anonymityThreshold: number;
  closesAt: Date;
  reminderDaysBeforeClose?: number[];
}

/**
 * Builds the payloads of the events that make the notification service write to people: every
 * name and fact the mail says, and the survey token sealed for the notifier (never in clear).
 * Used by launch (invitations), resend, and release (report ready).
 */
@Injectable()
export class NotificationEvents {
  constructor(
    @Inject(SURVEY_TOKEN_SEAL) private readonly seal: SurveyTokenSeal,
    private readonly repository: NotificationsRepository,
  ) {}

  /** Who asks, as the mail says it: the HR person, or the organisation's HR team. */
  async requester(manager: EntityManager, viewer: Viewer): Promise<string> {
    const name = viewer.personId ? await this.repository.personName(manager, viewer.personId) : null;
    return name ?? `The HR team of ${await this.repository.organisationName(manager, viewer.organisationId)}`;
  }

  async invitations(
    manager: EntityManager,
    cycle: CycleFacts,
    requestedBy: string,
    assignments: IssuedAssignment[],
    options: { resend?: boolean } = {},
  ): Promise<InvitationIssuedV2[]> {
    const people = await this.repository.people(manager, [...new Set(assignments.flatMap((a) => [a.subjectId, a.raterPersonId]))]);
    const organisationName = await this.repository.organisationName(manager, cycle.organisationId);
    const now = new Date().toISOString();
    return assignments.map((a) => ({
      cycleId: cycle.id,
      cycleName: cycle.name,
      organisationName,
      requestedBy,
      subjectId: a.subjectId,
      subjectName: people.get(a.subjectId)!.name,
      assignmentId: a.id,
      raterPersonId: a.raterPersonId,
      raterName: people.get(a.raterPersonId)!.name,
      raterGroup: a.raterGroup as InvitationIssuedV2['raterGroup'],
      email: people.get(a.raterPersonId)!.email || null,
      anonymityThreshold: cycle.anonymityThreshold,
      closesAt: cycle.closesAt.toISOString(),
      reminderDaysBeforeClose: cycle.reminderDaysBeforeClose ?? DEFAULT_REMINDER_DAYS,
      sealedToken: this.seal.seal(a.token, a.id),
      resend: options.resend ?? false,
      issuedAt: now,
    }));
  }

  /** One `results.released` per subject: the subject and their manager hear the report is ready. */
  async released(manager: EntityManager, cycle: CycleFacts): Promise<ResultsReleasedV1[]> {
    const rows = await this.repository.subjectsWithManagers(manager, cycle.id);
    const organisationName = await this.repository.organisationName(manager, cycle.organisationId);
    const now = new Date().toISOString();
    return rows.map(({ subject, manager: boss }) => ({
      cycleId: cycle.id,
      cycleName: cycle.name,
      organisationName,
      subjectId: subject.id,
      subjectName: subject.name,
      recipients: [
        { personId: subject.id, name: subject.name, email: subject.email || null, isSubject: true },
        ...(boss ? [{ personId: boss.id, name: boss.name, email: boss.email || null, isSubject: false }] : []),
      ],
      releasedAt: now,
    }));
  }
}
