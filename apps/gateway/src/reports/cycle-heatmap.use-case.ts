import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { pageRequest, SortDirection } from '../common/paging';
import { Heatmap, HeatmapFilter, HeatmapSort, HeatmapSortKey } from './dto/heatmap.model';
import { HeatmapView } from './heatmap-view';

/** HR: subjects × dimensions, with fit to the role profile (live figures). */
@Injectable()
export class CycleHeatmapUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly heatmap: HeatmapView,
  ) {}

  /** Every row sorted by name when no page, filter or sort is asked for; otherwise a page from PostgreSQL. */
  async execute(
    viewer: Viewer,
    cycleId: string,
    options: { first?: number; after?: string; filter?: HeatmapFilter; sort?: HeatmapSort } = {},
  ): Promise<Heatmap> {
    const request = pageRequest(
      options.first,
      options.after,
      options.sort?.by ?? HeatmapSortKey.NAME,
      options.sort?.direction ?? SortDirection.ASC,
    );
    const cycle = await this.access.cycle(viewer, cycleId);
    this.access.refusePulse(cycle);
    return this.heatmap.page(cycle, options.filter ?? {}, request);
  }
}
