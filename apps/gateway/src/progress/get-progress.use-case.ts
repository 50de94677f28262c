import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { CycleStatusValue } from '../cycles/dto/cycle.model';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { PeopleRepository } from '../people/people.repository';
import { ConsistencyCheck } from './consistency-check';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { Person } from '../people/dto/person.model';
import { CycleProgress, ProgressFilter, ProgressSort, ProgressSortKey, SubjectProgress, SubjectProgressPage } from './dto/progress.model';
import { ProgressRepository, SubmissionStage } from './progress.repository';

/**
 * Invited, started and submitted per subject and rater group, of the submitted how many the survey
 * service recorded and the scoring service counted, any difference between them with its age, and
 * who has not answered yet. Never what anyone answered.
 */
@Injectable()
export class GetProgressUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly people: PeopleRepository,
    private readonly stages: ProgressRepository,
    private readonly consistency: ConsistencyCheck,
  ) {}

  /**
   * The cycle's counts, by PostgreSQL (the summary HR's progress tab shows, and sends again on every
   * change while it is open). The rows per subject are `page`.
   */
  async execute(viewer: Viewer, cycleId: string): Promise<CycleProgress> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const counts = await this.stages.countsOfCycle(cycle.id);
    const checkedAt = new Date();
    const [difference] = await this.consistency.differences(cycle.id, checkedAt);
    return {
      cycleId: cycle.id,
      status: cycle.status as CycleStatusValue,
      ...counts,
      consistency: {
        checkedAt,
        notRecorded: difference?.notRecorded ?? 0,
        notCounted: difference?.notCounted ?? 0,
        oldestReceivedAt: difference?.oldestReceivedAt ?? null,
        ageSeconds: difference?.ageSeconds ?? null,
        stuck: difference?.stuck ?? false,
        staleAfterSeconds: Math.round(this.consistency.staleAfterMs / 1000),
      },
      responseRate: counts.invited ? counts.submitted / counts.invited : 0,
    };
  }

  /**
   * A page of the per-subject rows, filtered and sorted in PostgreSQL (by name, response rate
   * or how many have not answered: figures the rows show) and paged with cursors; only the page's
   * assignments, receipts and people are read.
   */
  async page(
    viewer: Viewer,
    cycleId: string,
    options: { first?: number; after?: string; filter?: ProgressFilter; sort?: ProgressSort },
  ): Promise<SubjectProgressPage> {
    const request = pageRequest(
      options.first ?? 100,
      options.after,
      options.sort?.by ?? ProgressSortKey.NAME,
      options.sort?.direction ?? SortDirection.ASC,
    );
    const cycle = await this.access.cycle(viewer, cycleId);
    const { rows, total } = await this.stages.subjectPage(cycle.organisationId, cycle.id, options.filter ?? {}, request);
    const { nodes, pageInfo } = toPage(rows, request, (r) => ({ key: r.sortKey, id: r.subjectId }));
    const subjects = nodes.map((r) => r.subjectId);
    const [assignments, stages] = await Promise.all([
      this.stages.assignmentsOf(cycle.id, subjects),
      this.stages.stagesOfSubjects(cycle.id, subjects),
    ]);
    const people = await this.people.mapByIds(viewer.organisationId, [...subjects, ...assignments.map((a) => a.raterPersonId)]);
    const count = counter(new Map(stages.map((s) => [s.assignmentId, s])));
    return {
      cycleId: cycle.id,
      nodes: subjectsProgress(
        subjects,
        assignments.filter((a) => !a.revokedAt),
        people,
        count,
      ),
      totalCount: total,
      pageInfo,
    };
  }
}

type Stage = 'started' | 'submitted' | 'recorded' | 'counted';
type Count = (list: AssignmentEntity[], stage: Stage) => number;

/** How many of these assignments reached a stage (recorded and counted from the live receipts). */
function counter(stageOf: Map<string, SubmissionStage>): Count {
  return (list, status) =>
    list.filter((a) => {
      if (status === 'started') return a.status !== 'invited';
      if (a.status !== 'submitted') return false;
      if (status === 'submitted') return true;
      return stageOf.get(a.id)?.[status] ?? false;
    }).length;
}

/** Each subject's counts per rater group (groups in the usual order) and who has not answered. */
function subjectsProgress(subjects: string[], invited: AssignmentEntity[], people: Map<string, Person>, count: Count): SubjectProgress[] {
  const bySubject = new Map<string, AssignmentEntity[]>();
  for (const a of invited) bySubject.set(a.subjectId, [...(bySubject.get(a.subjectId) ?? []), a]);
  return subjects.map((sid) => {
    const mine = bySubject.get(sid) ?? [];
    return {
      subject: people.get(sid)!,
      groups: RATER_GROUPS.filter((g) => mine.some((a) => a.raterGroup === g)).map((g) => {
        const inGroup = mine.filter((a) => a.raterGroup === g);
        return {
          group: g,
          invited: inGroup.length,
          started: count(inGroup, 'started'),
          submitted: count(inGroup, 'submitted'),
          recorded: count(inGroup, 'recorded'),
          counted: count(inGroup, 'counted'),
        };
      }),
      nonResponders: mine
        .filter((a) => a.status !== 'submitted')
        .map((a) => ({ rater: people.get(a.raterPersonId)!, group: a.raterGroup, started: a.status === 'started' })),
    };
  });
}
