import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ForbiddenError, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { CoachingRepository } from './coaching.repository';
import { CoachingView } from './coaching-view';
import { Coachee, CycleCoaching, ReportCoaching } from './dto/coaching.model';

/** HR: a cycle's coaching, with the debriefs done. */
@Injectable()
export class CycleCoachingUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly view: CoachingView,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<CycleCoaching> {
    return this.view.of(await this.access.cycle(viewer, cycleId));
  }
}

/** The coach's home: the leaders assigned to them, in every coached cycle. */
@Injectable()
export class MyCoacheesUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly coaching: CoachingRepository,
  ) {}

  async execute(viewer: Viewer): Promise<Coachee[]> {
    if (!viewer.personId) return [];
    const rows = await this.coaching.coachees(viewer.organisationId, this.access.coach(viewer));
    return rows.map((r) => ({ ...r, released: r.releasedAt !== null }));
  }
}

/**
 * For one leader's report in a coached cycle: the coach's name and whether the debrief is done, so
 * the leader reads "your report will be shared after your debrief with <coach>". Null for a cycle
 * that is not coached. HR, the leader, their manager and their coach only.
 */
@Injectable()
export class ReportCoachingUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly coaching: CoachingRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<ReportCoaching | null> {
    const malformed = [
      ...(isUuid(cycleId) ? [] : [{ field: 'cycleId', message: 'is not a cycle id' }]),
      ...(isUuid(subjectId) ? [] : [{ field: 'subjectId', message: 'is not a person id' }]),
    ];
    if (malformed.length) throw new InputError(malformed);
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!(await this.access.isSubject(cycle.id, subjectId))) throw new ForbiddenError('This leader is not reviewed in this cycle');
    const viewerIsCoach = await this.access.isCoachOf(viewer, cycle.id, subjectId);
    const entitled =
      viewer.isHrAdmin || viewerIsCoach || viewer.personId === subjectId || (await this.access.isManagerOf(viewer, subjectId));
    if (!entitled) throw new ForbiddenError('This leader is not reviewed in this cycle');
    if (!(await this.coaching.isCoached(cycle.id))) return null;
    const assignment = (await this.coaching.assignments(cycle.id)).find((a) => a.subjectId === subjectId);
    const coach = assignment ? (await this.coaching.people([assignment.coachId])).get(assignment.coachId) : undefined;
    return {
      cycleId: cycle.id,
      subjectId,
      coachName: coach?.name ?? null,
      debriefDone: Boolean(assignment?.debriefDoneAt),
      debriefDoneAt: assignment?.debriefDoneAt ?? null,
      viewerIsCoach,
    };
  }
}
