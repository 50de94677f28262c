import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { CycleView } from './cycle-view';
import { Cycle } from './dto/cycle.model';

/** One cycle, for HR or someone taking part in it. */
@Injectable()
export class GetCycleUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly view: CycleView,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<Cycle> {
    return this.view.of(await this.access.visibleCycle(viewer, cycleId));
  }
}
