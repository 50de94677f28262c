import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ForbiddenError, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { CoachingRepository } from './coaching.repository';
import { CoachingView } from './coaching-view';
import { Coachee, CoachAssignmentFilter, CoachAssignmentPage, CycleCoaching, ReportCoaching } from './dto/coaching.model';

/** The page's order, named in its cursors: a cursor of another list (another order) is refused. */
const BY_LEADER_NAME = 'coachingByLeaderName';

/** HR: a cycle's coaching, with the debriefs done; its leaders a page at a time. */
@Injectable()
export class CycleCoachingUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly view: CoachingView,
    private readonly coaching: CoachingRepository,
  ) {}

  /** Whether the cycle is coached, and the counts. */
  async execute(viewer: Viewer, cycleId: string): Promise<CycleCoaching> {
    return this.view.of(await this.access.cycle(viewer, cycleId));
  }

  /**
   * The leaders with their coach and debrief, a page at a time by name (10,000 leaders in a large
   * cycle), optionally only those without a coach, those whose debrief is not done, or a search.
   * Empty while the cycle is not coached.
   */
  async page(
    viewer: Viewer,
    cycleId: string,
    args: { first?: number | null; after?: string | null; filter?: CoachAssignmentFilter | null },
  ): Promise<CoachAssignmentPage> {
    const request = pageRequest(args.first ?? 100, args.after, BY_LEADER_NAME, SortDirection.ASC);
    if (!isUuid(cycleId)) throw new InputError([{ field: 'cycleId', message: 'is not a cycle id' }]);
    const cycle = await this.access.cycle(viewer, cycleId);
    const counts = await this.coaching.counts(cycle.id);
    if (!counts.coached) return { cycleId: cycle.id, nodes: [], totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false } };
    const filter = {
      withoutCoachOnly: args.filter?.withoutCoachOnly === true,
      debriefPendingOnly: args.filter?.debriefPendingOnly === true,
      search: args.filter?.search?.trim() || null,
    };
    const after = request.after && { name: String(request.after.key), subjectId: request.after.id };
    // Without a search the total follows from the counts: a leader without a coach has no debrief done.
    const derived = filter.search
      ? null
      : filter.withoutCoachOnly
        ? counts.leaders - counts.withCoach
        : filter.debriefPendingOnly
          ? counts.leaders - counts.debriefsDone
          : counts.leaders;
    const { rows, total } = await this.coaching.assignmentPage(cycle.id, filter, { first: request.first!, after }, derived === null);
    const page = toPage(rows, request, (r) => ({ key: r.subjectName, id: r.subjectId }));
    return { cycleId: cycle.id, nodes: page.nodes, pageInfo: page.pageInfo, totalCount: derived ?? total! };
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
    const [assignment] = await this.coaching.assignmentsOf(cycle.id, [subjectId]);
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
