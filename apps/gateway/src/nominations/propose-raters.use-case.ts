import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { CyclesRepository } from '../cycles/cycles.repository';
import { PeopleRepository } from '../people/people.repository';
import { Nomination } from './dto/nomination.model';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';
import { proposeRaters } from './rater-proposal';

/** HR: propose raters from reporting lines for one subject or all. Existing nominations stay as they are. */
@Injectable()
export class ProposeRatersUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly people: PeopleRepository,
    private readonly nominations: NominationsRepository,
    private readonly view: NominationView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId?: string | null): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft'], 'propose raters');
    const subjects = await this.cycles.subjectIds(cycle.id);
    const targets = subjectId ? subjects.filter((s) => s === subjectId) : subjects;
    if (subjectId && targets.length === 0) throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    const people = await this.people.findInOrganisation(viewer.organisationId);
    await this.nominations.addProposals(proposeRaters(cycle.id, targets, people, cycle.maxRatersPerGroup));
    return this.view.of(viewer.organisationId, cycle.id, subjectId ?? null);
  }
}
