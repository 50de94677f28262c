import { Injectable } from '@nestjs/common';
import { SUBJECT_NOMINATED_GROUPS } from '@leaderscope/vocabulary';
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { PeopleRepository } from '../people/people.repository';
import { NominateRaterInput } from './dto/nominate-rater.input';
import { Nomination } from './dto/nomination.model';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';

/**
 * HR may nominate anyone in any group; the subject may add or remove peers and partners
 * ("other"). A nomination by the subject waits for their manager's approval.
 */
@Injectable()
export class NominateRaterUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly people: PeopleRepository,
    private readonly nominations: NominationsRepository,
    private readonly view: NominationView,
  ) {}

  async execute(viewer: Viewer, input: NominateRaterInput): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    this.access.nominate(viewer, input.subjectId);
    if (!viewer.isHrAdmin && !SUBJECT_NOMINATED_GROUPS.includes(input.group)) {
      throw new InputError([
        { field: 'input.group', message: 'subjects can only nominate peers and partners (other); HR handles the rest' },
      ]);
    }
    requireStatus(cycle, ['draft'], 'change nominations');
    if (!(await this.access.isSubject(cycle.id, input.subjectId)))
      throw new InputError([{ field: 'input.subjectId', message: 'is not a subject of this cycle' }]);
    const rater = await this.people.findOne(viewer.organisationId, input.raterId);
    if (!rater) throw new InputError([{ field: 'input.raterId', message: 'no such person in this organisation' }]);
    if (rater.id === input.subjectId && input.group !== 'self')
      throw new InputError([{ field: 'input.raterId', message: 'the subject can only rate themselves as self' }]);
    const existing = await this.nominations.find(cycle.id, input.subjectId, input.raterId);
    this.access.changeNomination(viewer, existing?.raterGroup ?? null);
    const source = viewer.isHrAdmin ? 'hr' : 'subject';
    if (input.remove) {
      if (existing) await this.nominations.remove(existing.id, source);
    } else {
      await this.nominations.save({
        id: existing?.id ?? randomUUID(),
        cycleId: cycle.id,
        subjectId: input.subjectId,
        raterId: input.raterId,
        raterGroup: input.group,
        source,
        status: viewer.isHrAdmin ? 'approved' : 'proposed',
      });
    }
    return this.view.of(viewer.organisationId, cycle.id, input.subjectId);
  }
}
