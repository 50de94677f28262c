import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { CycleEntity } from '../cycles/cycle.entity';
import { PeopleRepository } from '../people/people.repository';
import { Heatmap } from './dto/heatmap.model';
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
    const people = await this.people.mapByIds(cycle.organisationId, rows.map((r) => r.subjectId));
    return {
      cycleId: cycle.id,
      dimensions: instrument.dimensions.map((d) => ({ id: d.id, name: d.name })),
      rows: rows
        .filter((r) => people.has(r.subjectId))
        .map((r) => ({ subject: people.get(r.subjectId)!, responseCount: r.responseCount, overallFit: r.overallFit, cells: r.cells }))
        .sort((a, b) => a.subject.name.localeCompare(b.subject.name)),
    };
  }
}
