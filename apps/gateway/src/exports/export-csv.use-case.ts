import type { Published, RaterGroup as ScoringGroup, Suppressed } from '@leaderscope/scoring';
import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { NotFoundError } from '../common/errors';
import { PeopleRepository } from '../people/people.repository';
import { ReportsRepository } from '../reports/reports.repository';

const HEADER = ['employee_id', 'name', 'dimension_id', 'dimension', 'group', 'n', 'mean', 'ci_low', 'ci_high', 'suppressed', 'fit_to_target'];

/** HR: the cycle's figures as CSV: one row per subject, dimension and group; suppressed groups have no mean. */
@Injectable()
export class ExportCsvUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<string> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const rows = await this.reports.liveOfCycle(undefined, cycle.id);
    if (rows.length === 0) throw new NotFoundError('Results for this cycle');
    const people = await this.people.mapByIds(cycle.organisationId, rows.map((r) => r.subjectId));
    const lines = [HEADER];
    const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(3));
    for (const r of rows) {
      const person = people.get(r.subjectId);
      for (const d of r.report.scores.dimensions) {
        const entries: [string, Published | Suppressed | (Published & { includes: ScoringGroup[] })][] = [['others', d.others], ...(Object.entries(d.groups) as [string, Published | Suppressed][])];
        for (const [group, score] of entries) {
          const published = 'suppressed' in score ? null : score;
          lines.push([
            person?.employeeId ?? r.subjectId,
            person?.name ?? '',
            d.dimensionId,
            names.get(d.dimensionId) ?? d.dimensionId,
            group,
            String(score.n),
            fmt(published?.mean),
            fmt(published?.ci95?.[0]),
            fmt(published?.ci95?.[1]),
            published ? 'false' : 'true',
            group === 'others' && published ? fmt(d.expectation?.fit) : '',
          ]);
        }
      }
    }
    return lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
  }
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value; // no formula injection in spreadsheets
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
