import { nominationApprovalRequestedV1, nominationRequestedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, ForbiddenError, InputError } from '../common/errors';
import { hrCycle, isUuid } from './hr-cycle';
import { NotificationsRepository } from './notifications.repository';

/** HR asks every subject of a draft cycle, by mail, to choose their peers and partners. */
@Injectable()
export class RequestNominationsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: NotificationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<number> {
    const cycle = await hrCycle(this.access, viewer, cycleId);
    if (cycle.status !== 'draft')
      throw new ConflictError(`Cannot ask for nominations: the cycle is ${cycle.status}`, {
        reason: 'wrongStatus',
        values: { action: 'ask for nominations', status: cycle.status },
      });
    return this.outbox.transact(async ({ manager, emit }) => {
      const subjects = await this.repository.subjectsOf(manager, cycle.id);
      if (subjects.length === 0) throw new InputError([{ field: 'cycleId', message: 'the cycle has no subjects yet', code: 'noSubjects' }]);
      const organisationName = await this.repository.organisationName(manager, cycle.organisationId);
      for (const s of subjects) {
        emit(
          nominationRequestedV1,
          {
            cycleId: cycle.id,
            cycleName: cycle.name,
            organisationName,
            subjectId: s.id,
            subject: { personId: s.id, name: s.name, email: s.email || null },
            requestedAt: new Date().toISOString(),
          },
          { organisationId: cycle.organisationId, correlationId: cycle.id },
        );
      }
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'nominations.requested',
        target: `cycle:${cycle.id}`,
        detail: { subjects: subjects.length },
      });
      return subjects.length;
    });
  }
}

/** The subject (or HR) asks the subject's manager, by mail, to approve the chosen raters. */
@Injectable()
export class RequestNominationApprovalUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: NotificationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<boolean> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!viewer.isHrAdmin && viewer.personId !== subjectId) throw new ForbiddenError('Only the subject or HR can ask for approval');
    if (cycle.status !== 'draft')
      throw new ConflictError(`Cannot ask for approval: the cycle is ${cycle.status}`, {
        reason: 'wrongStatus',
        values: { action: 'ask for approval', status: cycle.status },
      });
    if (!isUuid(subjectId) || !(await this.access.isSubject(cycle.id, subjectId)))
      throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle', code: 'notASubject' }]);
    await this.outbox.transact(async ({ manager, emit }) => {
      const row = await this.repository.managerOf(manager, subjectId);
      if (!row?.manager)
        throw new InputError([{ field: 'subjectId', message: 'this subject has no manager to approve; HR approves instead' }]);
      emit(
        nominationApprovalRequestedV1,
        {
          cycleId: cycle.id,
          cycleName: cycle.name,
          organisationName: await this.repository.organisationName(manager, cycle.organisationId),
          subjectId,
          subjectName: row.subject.name,
          manager: { personId: row.manager.id, name: row.manager.name, email: row.manager.email || null },
          requestedAt: new Date().toISOString(),
        },
        { organisationId: cycle.organisationId, correlationId: cycle.id },
      );
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'nominations.approval-requested',
        target: `cycle:${cycle.id}`,
        detail: { subjectId },
      });
    });
    return true;
  }
}
