import { byGroupOrder, type PublishedFigure, type RaterGroup, type ScoredReport, type SuppressedFigure } from '@leaderscope/vocabulary';
import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { NotFoundError } from '../common/errors';
import { PeopleRepository } from '../people/people.repository';
import { CycleEntity } from '../cycles/cycle.entity';
import { ReportsRepository } from '../reports/reports.repository';

/**
 * Subjects read and written at a time. Small, so that a page's report texts die young: at L, pages of
 * 50 outlived the young generation and raised the gateway's peak by 73–80 MiB, pages of 10 by 48 MiB
 * (docs/benchmarks.md, "Fourteenth round").
 */
const CSV_PAGE = 10;

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
 * and group (item_id and item filled), groups in their usual order; suppressed groups have neither
 * count nor mean. Made a page of subjects at a time, for a download that streams it: at 10,000
 * subjects the file is about 400 MiB, more than one string or one GraphQL answer can hold.
 */
@Injectable()
export class ExportCsvUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * Checks the viewer may export the cycle and that it has results (refusals are thrown here, before
   * any byte is sent), then gives the file as chunks of text: the header, then one per page of subjects.
   */
  async open(viewer: Viewer, cycleId: string): Promise<AsyncGenerator<string>> {
    this.access.requireHr(viewer);
    const cycle = await this.access.cycle(viewer, cycleId);
    this.access.refusePulse(cycle);
    const pages = this.reports.livePagesOfCycle(cycle.id, CSV_PAGE);
    const first = await pages.next();
    if (first.done) throw new NotFoundError('Results for this cycle');
    return this.chunks(cycle, first.value, pages);
  }

  private async *chunks(
    cycle: CycleEntity,
    first: { subjectId: string; reportText: string }[],
    rest: AsyncGenerator<{ subjectId: string; reportText: string }[]>,
  ): AsyncGenerator<string> {
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const texts = new Map(instrument.items.map((i) => [i.id, i.text]));
    const fmt = (x: number | null | undefined): Cell => (x === null || x === undefined ? '' : new NumberCell(Number(x.toFixed(3))));
    yield csvLine(HEADER);
    let page: typeof first | undefined = first;
    while (page) {
      const people = await this.people.mapByIds(
        cycle.organisationId,
        page.map((r) => r.subjectId),
      );
      const lines: string[] = [];
      for (const r of page) {
        const person = people.get(r.subjectId);
        const who = [person?.employeeId ?? r.subjectId, person?.name ?? ''];
        const report = JSON.parse(r.reportText) as ScoredReport; // stored as the gateway received it (contract-checked)
        // One row per group of a figure: others first, then the groups in their usual order.
        const figureRows = (
          dimensionId: string,
          others: PublishedFigure | SuppressedFigure,
          groups: Partial<Record<RaterGroup, PublishedFigure | SuppressedFigure>>,
          tail: (group: string, published: PublishedFigure | null) => Cell[],
        ) => {
          for (const [group, score] of [['others', others], ...inGroupOrder(groups)] as [string, PublishedFigure | SuppressedFigure][]) {
            const published = 'suppressed' in score ? null : score;
            lines.push(
              csvLine([
                ...who,
                dimensionId,
                names.get(dimensionId) ?? dimensionId,
                group,
                published ? new NumberCell(published.n) : '', // a suppressed group carries no count
                fmt(published?.mean),
                fmt(published?.ci95?.[0]),
                fmt(published?.ci95?.[1]),
                published ? 'false' : 'true',
                ...tail(group, published),
              ]),
            );
          }
        };
        for (const d of report.scores.dimensions)
          figureRows(d.dimensionId, d.others, d.groups, (group, published) => [
            group === 'others' && published ? fmt(d.expectation?.fit) : '',
            '',
            '',
          ]);
        for (const item of report.items?.items ?? [])
          figureRows(item.dimensionId, item.others, item.groups, () => ['', item.itemId, texts.get(item.itemId) ?? item.itemId]);
      }
      yield lines.join('');
      const next = await rest.next();
      page = next.done ? undefined : next.value;
    }
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

/** One CSV line, its newline included. */
function csvLine(cells: Cell[]): string {
  return cells.map(csvCell).join(',') + '\n';
}
