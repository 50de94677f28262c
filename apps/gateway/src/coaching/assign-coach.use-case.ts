import { debriefRequestedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, FieldProblem, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { CoachedRelease } from './coaching-notices';
import { CoachingRepository } from './coaching.repository';
import { CoachingView } from './coaching-view';
import { AssignCoachInput } from './dto/coaching.input';
import { CycleCoaching } from './dto/coaching.model';

/**
 * HR assigns a coach (a person of the organisation) to one or several leaders of a coached cycle.
 * A coach is never the leader and never one of the leader's raters in the cycle: the coach reads the
 * leader's report, and a rater would find their own answer in it beside the others'. A new coach
 * replaces the old one until the debrief is done; after release the new coach is told
 * (`coaching.debrief-requested`). Audited.
 */
@Injectable()
export class AssignCoachUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly coaching: CoachingRepository,
    private readonly notices: CoachedRelease,
    private readonly audit: AuditRepository,
    private readonly view: CoachingView,
  ) {}

  async execute(viewer: Viewer, input: AssignCoachInput): Promise<CycleCoaching> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    const coach = isUuid(input.coachId) ? await this.coaching.person(cycle.organisationId, input.coachId) : null;
    const problems: FieldProblem[] = [];
    if (!coach || coach.erasedAt) problems.push({ field: 'input.coachId', message: 'is not a person of your organisation' });
    if (input.subjectIds.length === 0) problems.push({ field: 'input.subjectIds', message: 'name at least one leader' });
    const subjects = await this.coaching.subjectsAmong(cycle.id, input.subjectIds.filter(isUuid));
    const seen = new Set<string>();
    input.subjectIds.forEach((id, i) => {
      const field = `input.subjectIds[${i}]`;
      if (seen.has(id)) problems.push({ field, message: 'is listed twice' });
      else if (!subjects.has(id)) problems.push({ field, message: 'is not a leader reviewed in this cycle' });
      else if (id === coach?.id) problems.push({ field, message: 'is the coach: a leader cannot be their own coach' });
      seen.add(id);
    });
    if (problems.length > 0) throw new InputError(problems);
    const subjectIds = [...seen];
    const people = await this.coaching.people(subjectIds);

    await this.outbox.transact(async ({ manager, emit }) => {
      // Under the cycle's row lock: release, and another assignment, wait for it.
      const locked = (await this.coaching.lockCycle(manager, cycle.id))!;
      if (!(await this.coaching.isCoached(locked.id, manager)))
        throw new ConflictError('This cycle is not coached: mark it as coached before assigning coaches', { reason: 'notCoached' });
      const rates = await this.coaching.raterGroups(manager, locked.id, coach!.id, subjectIds);
      const done = new Map((await this.coaching.assignmentsOf(locked.id, subjectIds, manager)).map((a) => [a.subjectId, a]));
      const late: FieldProblem[] = [];
      subjectIds.forEach((id, i) => {
        const group = rates.get(id);
        if (group)
          late.push({
            field: 'input.coachId',
            message: `rates ${people.get(id)!.name} in this cycle (${group.replace('_', ' ')}): a coach reads the leader's report, which would hold their own answer beside the others'. Choose someone who does not rate ${people.get(id)!.name}`,
          });
        if (done.get(id)?.debriefDoneAt)
          late.push({ field: `input.subjectIds[${i}]`, message: `the debrief of ${people.get(id)!.name} is done already` });
      });
      if (late.length > 0) throw new InputError(late);
      const changed = subjectIds.filter((id) => done.get(id)?.coachId !== coach!.id);
      if (changed.length === 0) return;
      await this.coaching.assign(manager, locked, coach!.id, changed);
      await this.audit.record(manager, {
        organisationId: locked.organisationId,
        accountId: viewer.accountId,
        action: 'coaching.coach-assigned',
        target: `cycle:${locked.id}`,
        detail: { coachId: coach!.id, subjectIds: changed.join(','), leaders: changed.length },
      });
      // Released already: the new coach hears the report awaits their debrief.
      if (locked.releasedAt) {
        const notices = await this.notices.requests(
          manager,
          locked,
          changed.map((subjectId) => ({ subjectId, coachId: coach!.id })),
        );
        for (const notice of notices) emit(debriefRequestedV1, notice, { organisationId: locked.organisationId, correlationId: locked.id });
      }
    });
    return this.view.of(cycle);
  }
}
