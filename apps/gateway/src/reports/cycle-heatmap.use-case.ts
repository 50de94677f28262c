import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { Heatmap } from './dto/heatmap.model';
import { HeatmapView } from './heatmap-view';

/** HR: subjects × dimensions, with fit to the role profile (live figures). */
@Injectable()
export class CycleHeatmapUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly heatmap: HeatmapView,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<Heatmap> {
    return this.heatmap.of(await this.access.cycle(viewer, cycleId), null, 'live');
  }
}
