import { byGroupOrder, type PublishedFigure, type RaterGroup, type SuppressedFigure } from '@leaderscope/vocabulary';
import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { NotFoundError } from '../common/errors';
import { PeopleRepository } from '../people/people.repository';
import { ReportsRepository } from '../reports/reports.repository';

const HEADER = [
  'employee_id',
  'name',
  'dimension_id',
  'dimension',
  'group',
  'n',
  'mean',
  'ci_low',
  'ci_high',
  'suppressed',
  'fit_to_target',
  'item_id',
  'item',
];

/**
 * HR: the cycle's figures as CSV: one row per subject, dimension and group, then one per subject, item
 * and group (item_id and item filled), groups in their usual order; suppressed groups have neither count nor mean.
 */
@Injectable()
export class ExportCsvUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<string> {
    const cycle = await this.access.cycle(viewer, cycleId);
    this.access.refusePulse(cycle);
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const texts = new Map(instrument.items.map((i) => [i.id, i.text]));
    const rows = await this.reports.liveOfCycle(undefined, cycle.id);
    if (rows.length === 0) throw new NotFoundError('Results for this cycle');
    const people = await this.people.mapByIds(
      cycle.organisationId,
      rows.map((r) => r.subjectId),
    );
    const lines: Cell[][] = [HEADER];
    const fmt = (x: number | null | undefined): Cell => (x === null || x === undefined ? '' : new NumberCell(Number(x.toFixed(3))));
    for (const r of rows) {
      const person = people.get(r.subjectId);
      for (const d of r.report.scores.dimensions) {
        const entries: [string, PublishedFigure | SuppressedFigure][] = [['others', d.others], ...inGroupOrder(d.groups)];
        for (const [group, score] of entries) {
          const published = 'suppressed' in score ? null : score;
          lines.push([
            person?.employeeId ?? r.subjectId,
            person?.name ?? '',
            d.dimensionId,
            names.get(d.dimensionId) ?? d.dimensionId,
            group,
            published ? new NumberCell(score.n) : '', // a suppressed group carries no count
            fmt(published?.mean),
            fmt(published?.ci95?.[0]),
            fmt(published?.ci95?.[1]),
            published ? 'false' : 'true',
            group === 'others' && published ? fmt(d.expectation?.fit) : '',
            '',
            '',
          ]);
        }
      }
      for (const item of r.report.items?.items ?? []) {
        const entries: [string, PublishedFigure | SuppressedFigure][] = [['others', item.others], ...inGroupOrder(item.groups)];
        for (const [group, score] of entries) {
          const published = 'suppressed' in score ? null : score;
          lines.push([
            person?.employeeId ?? r.subjectId,
            person?.name ?? '',
            item.dimensionId,
            names.get(item.dimensionId) ?? item.dimensionId,
            group,
            published ? new NumberCell(score.n) : '', // a suppressed group carries no count
            fmt(published?.mean),
            fmt(published?.ci95?.[0]),
            fmt(published?.ci95?.[1]),
            published ? 'false' : 'true',
            '',
            item.itemId,
            texts.get(item.itemId) ?? item.itemId,
          ]);
        }
      }
    }
    return lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
  }
}

/** A report's group figures in the order of the rater groups (stored JSON keeps no order). */
function inGroupOrder(
  groups: Partial<Record<RaterGroup, PublishedFigure | SuppressedFigure>>,
): [RaterGroup, PublishedFigure | SuppressedFigure][] {
  return (Object.entries(groups) as [RaterGroup, PublishedFigure | SuppressedFigure | undefined][])
    .filter((e): e is [RaterGroup, PublishedFigure | SuppressedFigure] => e[1] !== undefined)
    .sort(([a], [b]) => byGroupOrder(a, b));
}

/** A numeric cell: written as a plain number (e.g. -0.74), never neutralised like text. */
export class NumberCell {
  constructor(readonly value: number) {}
}
export type Cell = string | NumberCell;

/**
 * One CSV cell. Numbers stay numbers; a text cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
 */
export function csvCell(value: Cell): string {
  if (value instanceof NumberCell) return Number.isFinite(value.value) ? String(value.value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value; // no formula injection in spreadsheets
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
