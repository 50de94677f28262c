import { Injectable } from '@nestjs/common';
import { OutboxService } from '@leaderscope/service-kit';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { DataProtectionRepository } from './data-protection.repository';
import { PersonDataExport } from './dto/person-data.model';

/** Why the export holds no answers: said inside the export itself. */
export const ANSWERS_NOTE =
  'Answers given as a rater are not in this export. HR requests and reads it, and HR must never be able to read what a named rater answered (the anonymity promise every rater was given). The survey and scoring services hold those answers under an opaque assignment id, never under a name; they are deleted under the retention setting, and after an erasure they can no longer be linked to the person.';

/**
 * HR exports everything the gateway holds about a person (a data-subject access request): their
 * directory record, sign-in, the cycles they are reviewed in, nominations they are part of, their
 * rater assignments (who, when, which group — never what they answered), coaching (as the coached
 * leader or as the coach), their development plans and the comments on them or by them, mails to
 * them and the audit trail about them. Audited.
 */
@Injectable()
export class ExportPersonDataUseCase {
  constructor(
    private readonly repository: DataProtectionRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, personId: string): Promise<PersonDataExport> {
    const person = isUuid(personId) ? await this.repository.person(viewer.organisationId, personId) : null;
    if (!person) throw new InputError([{ field: 'personId', message: 'no such person in this organisation', code: 'unknownPerson' }]);
    const org = viewer.organisationId;
    const [accounts, reviewedIn, nominations, assignments, published, mails, audit, coaching, plans, comments] = await Promise.all([
      this.repository.accounts(person.id),
      this.repository.reviewedIn(person.id),
      this.repository.nominations(person.id),
      this.repository.assignmentsAsRater(person.id),
      this.repository.publishedAbout(person.id),
      this.repository.mailsTo(org, person.id),
      this.repository.auditAbout(org, person.id),
      this.repository.coaching(org, person.id),
      this.repository.developmentPlans(org, person.id),
      this.repository.planComments(org, person.id),
    ]);
    const cycleIds = [
      ...new Set(
        [...reviewedIn, ...nominations, ...assignments, ...published, ...mails, ...coaching, ...plans, ...comments].map((x) => x.cycleId),
      ),
    ];
    const cycles = new Map((await this.repository.cycles(org, cycleIds)).map((c) => [c.id, c]));
    const personIds = [
      ...new Set([
        person.managerId,
        ...nominations.map((n) => n.subjectId),
        ...assignments.map((a) => a.subjectId),
        ...coaching.flatMap((c) => [c.subjectId, c.coachId]),
        ...comments.flatMap((c) => [c.subjectId, c.authorPersonId]),
      ]),
    ].filter((x): x is string => !!x);
    const names = new Map((await this.repository.names(org, personIds)).map((p) => [p.id, p.name]));
    const cycle = (id: string) => ({ cycleId: id, cycleName: cycles.get(id)?.name ?? null });
    const generatedAt = new Date();
    const document = {
      generatedAt: generatedAt.toISOString(),
      person: {
        id: person.id,
        employeeId: person.employeeId,
        name: person.name,
        email: person.email,
        title: person.title,
        department: person.department,
        manager: person.managerId ? { id: person.managerId, name: names.get(person.managerId) ?? null } : null,
        erasedAt: person.erasedAt?.toISOString() ?? null,
        updatedAt: person.updatedAt.toISOString(),
      },
      accounts: accounts.map((a) => ({ email: a.email, hrAdministrator: a.isHrAdmin })),
      reviewedIn: reviewedIn.map((r) => ({
        ...cycle(r.cycleId),
        status: cycles.get(r.cycleId)?.status ?? null,
        reportReleasedAt: published.find((p) => p.cycleId === r.cycleId)?.publishedAt.toISOString() ?? null,
      })),
      nominations: nominations.map((n) => ({
        ...cycle(n.cycleId),
        as: n.subjectId === person.id ? 'subject' : 'rater',
        subject: names.get(n.subjectId) ?? null,
        raterGroup: n.raterGroup,
        source: n.source,
        status: n.status,
      })),
      raterAssignments: assignments.map((a) => ({
        ...cycle(a.cycleId),
        subject: names.get(a.subjectId) ?? null,
        raterGroup: a.raterGroup,
        status: a.status,
        invitedAt: a.invitedAt.toISOString(),
        startedAt: a.startedAt?.toISOString() ?? null,
        submittedAt: a.submittedAt?.toISOString() ?? null,
        remindedAt: a.remindedAt?.toISOString() ?? null,
        revokedAt: a.revokedAt?.toISOString() ?? null,
      })),
      answers: ANSWERS_NOTE,
      coaching: coaching.map((c) => ({
        ...cycle(c.cycleId),
        as: c.subjectId === person.id ? 'coached leader' : 'coach',
        leader: names.get(c.subjectId) ?? null,
        coach: names.get(c.coachId) ?? null,
        assignedAt: c.assignedAt.toISOString(),
        debriefDoneAt: c.debriefDoneAt?.toISOString() ?? null,
      })),
      developmentPlans: plans.map((p) => ({
        ...cycle(p.cycleId),
        version: p.version,
        savedAt: p.savedAt.toISOString(),
        reviewDate: p.reviewDate,
        focusAreas: p.focusAreas.map((f) => ({ kind: f.kind, id: f.id, actions: f.actions })),
      })),
      planComments: comments.map((c) => ({
        ...cycle(c.cycleId),
        on: c.subjectId === person.id ? 'their plan' : `the plan of ${names.get(c.subjectId) ?? 'another leader'}`,
        author: names.get(c.authorPersonId) ?? null,
        planVersion: c.planVersion,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      })),
      mails: mails.map((m) => ({
        ...cycle(m.cycleId),
        kind: m.kind,
        to: m.email,
        status: m.status,
        createdAt: new Date(m.createdAt).toISOString(),
      })),
      auditTrail: audit.map((e) => ({ action: e.action, at: e.at.toISOString() })),
    };
    await this.outbox.transact(async ({ manager }) => {
      await this.audit.record(manager, {
        organisationId: org,
        accountId: viewer.accountId,
        action: 'person.exported',
        target: `person:${person.id}`,
      });
    });
    return { personId: person.id, generatedAt, json: JSON.stringify(document, null, 2) };
  }
}
