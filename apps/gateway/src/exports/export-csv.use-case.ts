import { byGroupOrder, type PublishedFigure, type RaterGroup, type SuppressedFigure } from '@leaderscope/vocabulary';
import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { NotFoundError } from '../common/errors';
import { PeopleRepository } from '../people/people.repository';
import { CycleEntity } from '../cycles/cycle.entity';
import { ReportsRepository } from '../reports/reports.repository';
import { reportOfStored } from '../reports/stored-report';

/**
 * Subjects read at a time. Small, so that few report texts are alive at once: at L, pages of 50 raised
 * the gateway's peak by 73–80 MiB, ten at a time with each subject written as one string by 40–75 MiB,
 * which is the heap's own growth between mark-compacts (docs/benchmarks.md, "Fourteenth round").
 */
const CSV_PAGE = 10;

/** Where the results CSV of a cycle is downloaded. */
export const resultsCsvPath = (cycleId: string): string => `/exports/${encodeURIComponent(cycleId)}/results.csv`;

/** The file's name: the cycle's, in letters, digits and dashes (safe in a header, on any disk). */
export function resultsCsvFileName(cycleName: string): string {
  const slug = cycleName
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${slug || 'cycle'}-results.csv`;
}

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
 * count nor mean. Made a subject at a time, for a download that streams it: at 10,000 subjects the
 * file is about 417 MiB, more than one string or one GraphQL answer can hold.
 */
@Injectable()
export class ExportCsvUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** Refuses a viewer who may not export the cycle, or a cycle with no results yet; else the cycle. */
  async authorise(viewer: Viewer, cycleId: string): Promise<CycleEntity> {
    const cycle = await this.exportable(viewer, cycleId);
    if (!(await this.reports.hasLive(cycle.id))) throw new NotFoundError('Results for this cycle');
    return cycle;
  }

  /**
   * Refuses as `authorise` does (before any byte is sent; "no results" from the first page read, not
   * from a query of its own), then gives the file's name and its text in chunks: the header, then one
   * per subject.
   */
  async open(viewer: Viewer, cycleId: string): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
    const cycle = await this.exportable(viewer, cycleId);
    const pages = this.reports.livePagesOfCycle(cycle.id, CSV_PAGE);
    const first = await pages.next();
    if (first.done) throw new NotFoundError('Results for this cycle');
    return { fileName: resultsCsvFileName(cycle.name), chunks: this.chunks(cycle, first.value, pages) };
  }

  /** HR of the cycle's organisation, and a cycle whose results have a CSV (not a pulse). */
  private async exportable(viewer: Viewer, cycleId: string): Promise<CycleEntity> {
    this.access.requireHr(viewer);
    const cycle = await this.access.cycle(viewer, cycleId);
    this.access.refusePulse(cycle);
    return cycle;
  }

  private async *chunks(
    cycle: CycleEntity,
    first: { subjectId: string; report: Buffer }[],
    rest: AsyncGenerator<{ subjectId: string; report: Buffer }[]>,
  ): AsyncGenerator<string> {
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    // Each dimension's and item's two text cells, made once for the whole file.
    const dimensionCells = new Map(instrument.dimensions.map((d) => [d.id, `${csvCell(d.id)},${csvCell(d.name)}`]));
    const itemCells = new Map(instrument.items.map((i) => [i.id, `${csvCell(i.id)},${csvCell(i.text)}`]));
    const dimensionOf = (id: string) => dimensionCells.get(id) ?? `${csvCell(id)},${csvCell(id)}`;
    const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '' : csvNumber(Number(x.toFixed(3))));
    yield HEADER.join(',') + '\n';
    let page: typeof first | undefined = first;
    while (page) {
      const people = await this.people.mapByIds(
        cycle.organisationId,
        page.map((r) => r.subjectId),
      );
      for (const r of page) {
        const person = people.get(r.subjectId);
        const who = `${csvCell(person?.employeeId ?? r.subjectId)},${csvCell(person?.name ?? '')}`;
        const report = reportOfStored(r.report); // stored as the gateway received it (contract-checked), item results unpacked
        let text = '';
        // One row per group of a figure: others first, then the groups in their usual order; a
        // suppressed group has neither count nor mean.
        const figureRows = (
          dimension: string,
          others: PublishedFigure | SuppressedFigure,
          groups: Partial<Record<RaterGroup, PublishedFigure | SuppressedFigure>>,
          tail: (group: string, published: PublishedFigure | null) => string,
        ) => {
          for (const [group, score] of [['others', others], ...inGroupOrder(groups)] as [string, PublishedFigure | SuppressedFigure][]) {
            const p = 'suppressed' in score ? null : score;
            text += p
              ? `${who},${dimension},${group},${csvNumber(p.n)},${fmt(p.mean)},${fmt(p.ci95?.[0])},${fmt(p.ci95?.[1])},false,${tail(group, p)}\n`
              : `${who},${dimension},${group},,,,,true,${tail(group, null)}\n`;
          }
        };
        for (const d of report.scores.dimensions)
          figureRows(dimensionOf(d.dimensionId), d.others, d.groups, (group, p) =>
            group === 'others' && p ? `${fmt(d.expectation?.fit)},,` : ',,',
          );
        for (const item of report.items?.items ?? []) {
          const cells = `,${itemCells.get(item.itemId) ?? `${csvCell(item.itemId)},${csvCell(item.itemId)}`}`;
          figureRows(dimensionOf(item.dimensionId), item.others, item.groups, () => cells);
        }
        // A subject at a time: the client's reading paces the export, and little is alive at once.
        yield text;
      }
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

/**
 * One text cell of the CSV: a cell that a spreadsheet would read as a formula (starting with =, +, -,
 * @, tab or carriage return) is prefixed with an apostrophe. Numbers go through `csvNumber`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value; // no formula injection in spreadsheets
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number as a CSV cell: written plainly (e.g. -0.74), never neutralised like text; nothing for a number that is not finite. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}
