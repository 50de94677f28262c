import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { CyclesRepository } from '../cycles/cycles.repository';
import { CycleStatusValue } from '../cycles/dto/cycle.model';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { PeopleRepository } from '../people/people.repository';
import { ConsistencyCheck } from './consistency-check';
import { CycleProgress } from './dto/progress.model';
import { ProgressRepository } from './progress.repository';

/**
 * Invited, started and submitted per subject and rater group, of the submitted how many the survey
 * service recorded and the scoring service counted, any difference between them with its age, and
 * who has not answered yet. Never what anyone answered.
 */
@Injectable()
export class GetProgressUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly invitations: InvitationsRepository,
    private readonly people: PeopleRepository,
    private readonly stages: ProgressRepository,
    private readonly consistency: ConsistencyCheck,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<CycleProgress> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const assignments = await this.invitations.ofCycleUnordered(cycle.id);
    const subjects = await this.cycles.subjectIds(cycle.id);
    const people = await this.people.mapByIds(viewer.organisationId, [...subjects, ...assignments.map((a) => a.raterPersonId)]);
    const stageOf = new Map((await this.stages.stagesOfCycle(cycle.id)).map((s) => [s.assignmentId, s]));
    const count = (list: AssignmentEntity[], status: 'started' | 'submitted' | 'recorded' | 'counted') =>
      list.filter((a) => {
        if (status === 'started') return a.status !== 'invited';
        if (a.status !== 'submitted') return false;
        if (status === 'submitted') return true;
        return stageOf.get(a.id)?.[status] ?? false;
      }).length;
    const invited = assignments.filter((a) => !a.revokedAt);
    const checkedAt = new Date();
    const [difference] = await this.consistency.differences(cycle.id, checkedAt);
    return {
      cycleId: cycle.id,
      status: cycle.status as CycleStatusValue,
      invited: invited.length,
      started: count(invited, 'started'),
      submitted: count(invited, 'submitted'),
      recorded: count(invited, 'recorded'),
      counted: count(invited, 'counted'),
      consistency: {
        checkedAt,
        notRecorded: difference?.notRecorded ?? 0,
        notCounted: difference?.notCounted ?? 0,
        oldestReceivedAt: difference?.oldestReceivedAt ?? null,
        ageSeconds: difference?.ageSeconds ?? null,
        stuck: difference?.stuck ?? false,
        staleAfterSeconds: Math.round(this.consistency.staleAfterMs / 1000),
      },
      responseRate: invited.length ? count(invited, 'submitted') / invited.length : 0,
      subjects: subjects.map((sid) => {
        const mine = invited.filter((a) => a.subjectId === sid);
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
      }),
    };
  }
}
