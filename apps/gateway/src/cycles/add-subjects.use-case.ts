import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { PeopleRepository } from '../people/people.repository';
import { requireStatus } from './cycle-status';
import { CycleView } from './cycle-view';
import { CyclesRepository } from './cycles.repository';
import { Cycle } from './dto/cycle.model';

/** HR: leaders to be reviewed in a draft cycle; every one must be in the organisation. */
@Injectable()
export class AddSubjectsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly people: PeopleRepository,
    private readonly view: CycleView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, personIds: string[]): Promise<Cycle> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft'], 'add subjects');
    if (personIds.length === 0)
      throw new InputError([{ field: 'personIds', message: 'must name at least one person', code: 'arrayMinSize' }]);
    const found = await this.people.findInOrganisation(viewer.organisationId, personIds.filter(isUuid));
    const foundIds = new Set(found.map((p) => p.id));
    const missing = personIds.filter((id) => !foundIds.has(id));
    if (missing.length)
      throw new InputError(
        missing.map((id) => ({
          field: `personIds[${personIds.indexOf(id)}]`,
          message: `no person ${id} in this organisation`,
          code: 'unknownPerson',
        })),
      );
    const status = await this.cycles.addSubjects(cycle.id, personIds);
    requireStatus({ ...cycle, status: status ?? cycle.status }, ['draft'], 'add subjects');
    return this.view.of(cycle, { subjects: false });
  }
}
