import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { CycleView } from './cycle-view';
import { CyclesRepository } from './cycles.repository';
import { Cycle } from './dto/cycle.model';

/** HR: every cycle of the organisation. Leaders and managers: the cycles they take part in. */
@Injectable()
export class ListCyclesUseCase {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly view: CycleView,
  ) {}

  async execute(viewer: Viewer): Promise<Cycle[]> {
    const cycles = viewer.isHrAdmin
      ? await this.cycles.ofOrganisation(viewer.organisationId)
      : viewer.personId
        ? await this.cycles.takenPartIn(viewer.organisationId, viewer.personId)
        : [];
    return Promise.all(cycles.map((c) => this.view.of(c)));
  }
}
