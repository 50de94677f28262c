import { debriefCompletedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ForbiddenError, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { LiveUpdates } from '../common/live-updates';
import { CoachingRepository } from './coaching.repository';
import { ReportCoaching } from './dto/coaching.model';

/**
 * The coach marks a leader's debrief done: the leader and their manager now see the released
 * report. Idempotent (a second call changes, audits and emits nothing); audited; the leader and
 * their manager are told by mail (`coaching.debrief-completed`).
 */
@Injectable()
export class CompleteDebriefUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly coaching: CoachingRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveUpdates,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<ReportCoaching> {
    const malformed = [
      ...(isUuid(cycleId) ? [] : [{ field: 'cycleId', message: 'is not a cycle id' }]),
      ...(isUuid(subjectId) ? [] : [{ field: 'subjectId', message: 'is not a person id' }]),
    ];
    if (malformed.length) throw new InputError(malformed);
    const cycle = await this.access.cycle(viewer, cycleId);
    const coachId = await this.access.completeDebrief(viewer, cycle, subjectId);
    const doneAt = await this.outbox.transact(async ({ manager, emit }) => {
      const assignment = await this.coaching.lockAssignment(manager, cycle.id, subjectId);
      // Reassigned meanwhile: no longer this viewer's to mark.
      if (!assignment || assignment.coachId !== coachId) throw new ForbiddenError("Only the leader's coach can mark their debrief done");
      if (assignment.debriefDoneAt) return assignment.debriefDoneAt;
      const now = new Date();
      await this.coaching.markDebriefDone(manager, cycle.id, subjectId, now);
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'coaching.debrief-completed',
        target: `cycle:${cycle.id}/subject:${subjectId}`,
      });
      const subject = (await this.coaching.people([subjectId], manager)).get(subjectId)!;
      const people = await this.coaching.people([coachId, ...(subject.managerId ? [subject.managerId] : [])], manager);
      const boss = subject.managerId ? people.get(subject.managerId) : undefined;
      emit(
        debriefCompletedV1,
        {
          cycleId: cycle.id,
          cycleName: cycle.name,
          organisationName: await this.coaching.organisationName(manager, cycle.organisationId),
          subjectId,
          subjectName: subject.name,
          coach: { personId: coachId, name: people.get(coachId)!.name },
          recipients: [
            { personId: subject.id, name: subject.name, email: subject.email || null, isSubject: true },
            ...(boss ? [{ personId: boss.id, name: boss.name, email: boss.email || null, isSubject: false }] : []),
          ],
          completedAt: now.toISOString(),
        },
        { organisationId: cycle.organisationId, correlationId: cycle.id },
      );
      return now;
    });
    this.live.changed(cycle.id);
    const coach = (await this.coaching.people([coachId])).get(coachId);
    return { cycleId: cycle.id, subjectId, coachName: coach?.name ?? null, debriefDone: true, debriefDoneAt: doneAt, viewerIsCoach: true };
  }
}
