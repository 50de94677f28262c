import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { CycleEntity } from '../cycles/cycle.entity';
import { PeopleRepository } from '../people/people.repository';
import { PageRequest, toPage } from '../common/paging';
import { Heatmap, HeatmapFilter, HeatmapSortKey } from './dto/heatmap.model';
import { ReportsRepository } from './reports.repository';

/** Subjects × dimensions from the cells stored beside each report (live or published). */
@Injectable()
export class HeatmapView {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async of(cycle: CycleEntity, subjectIds: string[] | null, source: 'live' | 'published'): Promise<Heatmap> {
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const rows = await this.reports.heatmapRows(cycle.id, subjectIds, source);
    const people = await this.people.mapByIds(
      cycle.organisationId,
      rows.map((r) => r.subjectId),
    );
    return {
      cycleId: cycle.id,
      dimensions: instrument.dimensions.map((d) => ({ id: d.id, name: d.name })),
      rows: rows
        .filter((r) => people.has(r.subjectId))
        .map((r) => ({ subject: people.get(r.subjectId)!, responseCount: r.responseCount, overallFit: r.overallFit, cells: r.cells }))
        .sort((a, b) => a.subject.name.localeCompare(b.subject.name)),
      totalCount: rows.filter((r) => people.has(r.subjectId)).length,
      pageInfo: { endCursor: null, hasNextPage: false },
    };
  }

  /** The live heatmap, filtered, sorted and paged in PostgreSQL; only the page's people are read. */
  async page(cycle: CycleEntity, filter: HeatmapFilter, request: PageRequest<HeatmapSortKey>): Promise<Heatmap> {
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const { rows, total } = await this.reports.heatmapPage(cycle.organisationId, cycle.id, filter, request);
    const { nodes, pageInfo } = toPage(rows, request, (r) => ({ key: r.sortKey, id: r.subjectId }));
    const people = await this.people.mapByIds(
      cycle.organisationId,
      nodes.map((r) => r.subjectId),
    );
    return {
      cycleId: cycle.id,
      dimensions: instrument.dimensions.map((d) => ({ id: d.id, name: d.name })),
      rows: nodes.map((r) => ({
        subject: people.get(r.subjectId)!,
        responseCount: r.responseCount,
        overallFit: r.overallFit,
        cells: r.cells,
      })),
      totalCount: total,
      pageInfo,
    };
  }
}
