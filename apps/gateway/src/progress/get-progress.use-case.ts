import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { GROUP_ORDER, RaterGroup } from '../common/rater-group';
import { CyclesRepository } from '../cycles/cycles.repository';
import { CycleStatusValue } from '../cycles/dto/cycle.model';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { PeopleRepository } from '../people/people.repository';
import { CycleProgress } from './dto/progress.model';

/** Invited, started and submitted per subject and rater group, and who has not answered yet. Never what anyone answered. */
@Injectable()
export class GetProgressUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly invitations: InvitationsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<CycleProgress> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const assignments = await this.invitations.ofCycleUnordered(cycle.id);
    const subjects = await this.cycles.subjectIds(cycle.id);
    const people = await this.people.mapByIds(viewer.organisationId, [...subjects, ...assignments.map((a) => a.raterPersonId)]);
    const count = (list: AssignmentEntity[], status: 'started' | 'submitted') =>
      list.filter((a) => (status === 'submitted' ? a.status === 'submitted' : a.status !== 'invited')).length;
    const invited = assignments.filter((a) => !a.revokedAt);
    return {
      cycleId: cycle.id,
      status: cycle.status as CycleStatusValue,
      invited: invited.length,
      started: count(invited, 'started'),
      submitted: count(invited, 'submitted'),
      responseRate: invited.length ? count(invited, 'submitted') / invited.length : 0,
      subjects: subjects.map((sid) => {
        const mine = invited.filter((a) => a.subjectId === sid);
        return {
          subject: people.get(sid)!,
          groups: GROUP_ORDER.filter((g) => mine.some((a) => a.raterGroup === g)).map((g) => {
            const inGroup = mine.filter((a) => a.raterGroup === g);
            return { group: g as RaterGroup, invited: inGroup.length, started: count(inGroup, 'started'), submitted: count(inGroup, 'submitted') };
          }),
          nonResponders: mine
            .filter((a) => a.status !== 'submitted')
            .map((a) => ({ rater: people.get(a.raterPersonId)!, group: a.raterGroup as RaterGroup, started: a.status === 'started' })),
        };
      }),
    };
  }
}
