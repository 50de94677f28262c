import { compressJsonText } from '@leaderscope/database';
import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CycleSubjectEntity } from '../cycles/cycle.entity';
import { PersonEntity } from '../people/person.entity';
import { PublishedReportEntity } from '../publication/published-report.entity';
import { PageRequest, personSearch, SortDirection } from '../common/paging';
import { HeatmapFilter, HeatmapSortKey } from './dto/heatmap.model';
import { HeatmapCellRow, SubjectReportEntity } from './subject-report.entity';

/** A stored report as the read side needs it, live or published. */
export type StoredReport = Pick<
  SubjectReportEntity,
  'cycleId' | 'subjectId' | 'resultSet' | 'reportVersion' | 'responseCount' | 'roleProfileId' | 'groupCounts' | 'report' | 'scoredAt'
> & {
  /** Null for a publication without a live report (then the cycle's version applies). */
  instrumentVersion: number | null;
};

/**
 * A report as it is written: the report's JSON text, or that text's UTF-8 bytes (the bytes it arrived
 * in), which the upsert stores compressed (`compressJsonText`: ReportsCompressed1768900000000; a
 * Buffer parameter goes to PostgreSQL as it is, in binary format).
 */
export type ReportRow = Omit<SubjectReportEntity, 'report'> & { reportText: string | Buffer };

export interface HeatmapRowData {
  subjectId: string;
  responseCount: number;
  overallFit: number | null;
  cells: HeatmapCellRow[];
}

/** The sort keys as SQL over the page query's columns (a fixed list: nothing from the client reaches SQL). */
const HEATMAP_SORT: Record<HeatmapSortKey, { expression: (d: SortDirection) => string; cast: string }> = {
  [HeatmapSortKey.NAME]: { expression: () => 'p.name', cast: 'text' },
  // Rows without a fit sort last either way.
  [HeatmapSortKey.OVERALL_FIT]: {
    expression: (d) => `coalesce(r.overall_fit, '${d === SortDirection.ASC ? '' : '-'}Infinity'::float8)`,
    cast: 'float8',
  },
  [HeatmapSortKey.RESPONSES]: { expression: () => 'r.response_count', cast: 'int' },
};

/** The report read model: what the scoring service computed, and what was published of it. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores each report that is newer than the one held (an older or repeated version, from a
   * redelivery or reordering, changes nothing), in one statement; returns, per row, whether it was
   * stored. Each report travels as one text parameter, serialised once when it was received, stored
   * as sent unchecked (docs/benchmarks.md, "Fifth round (session 7)"). At most one row per cycle,
   * subject and result set.
   */
  async storeManyIfNewer(manager: EntityManager, rows: ReportRow[]): Promise<boolean[]> {
    if (rows.length === 0) return [];
    const updated = [
      'report_version',
      'instrument_version',
      'role_profile_id',
      'response_count',
      'group_counts',
      'report',
      'scored_at',
      'cells',
      'overall_fit',
    ];
    const params: unknown[] = [];
    const slot = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
    const values = rows.map(
      (row) =>
        `(${slot(row.cycleId)}, ${slot(row.subjectId)}, ${slot(row.resultSet)}, ${slot(row.organisationId)}, ${slot(row.reportVersion, '::int')}, ` +
        `${slot(row.instrumentVersion, '::int')}, ${slot(row.roleProfileId)}, ${slot(row.responseCount, '::int')}, ` +
        `${slot(JSON.stringify(row.groupCounts), '::jsonb')}, ${slot(compressJsonText(row.reportText), '::bytea')}, ${slot(row.scoredAt, '::timestamptz')}, ` +
        `${slot(JSON.stringify(row.cells), '::jsonb')}, ${slot(row.overallFit, '::float8')})`,
    );
    const stored: { cycle_id: string; subject_id: string; result_set: string }[] = await manager.query(
      `INSERT INTO "gateway"."subject_report" AS r ("cycle_id", "subject_id", "result_set", "organisation_id", "report_version",
         "instrument_version", "role_profile_id", "response_count", "group_counts", "report", "scored_at", "cells", "overall_fit")
       VALUES ${values.join(', ')}
       ON CONFLICT ("cycle_id", "subject_id", "result_set") DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}
       WHERE r."report_version" < EXCLUDED."report_version"
       RETURNING r."cycle_id", r."subject_id", r."result_set"`,
      params,
    );
    const key = (cycleId: string, subjectId: string, resultSet: string) => JSON.stringify([cycleId, subjectId, resultSet]);
    const written = new Set(stored.map((s) => key(s.cycle_id, s.subject_id, s.result_set)));
    return rows.map((row) => written.has(key(row.cycleId, row.subjectId, row.resultSet)));
  }

  /** Whether the cycle has any live report (anything to export). */
  async hasLive(cycleId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2 LIMIT 1`,
      [cycleId, LIVE_RESULT_SET],
    );
    return rows.length > 0;
  }

  live(cycleId: string, subjectId: string, resultSet = LIVE_RESULT_SET): Promise<SubjectReportEntity | null> {
    return this.dataSource.getRepository(SubjectReportEntity).findOneBy({ cycleId, subjectId, resultSet });
  }

  /**
   * The cycle's live reports, a page at a time in subject order (keyset on the primary key), each as
   * it is stored (compressed: `reportOfStored` reads it): what a whole-cycle export reads without
   * holding every report at once (10,000 subjects carry about 280 MB of report text). The caller
   * reads one report at a time, so a page's parsed reports are never alive together (they would
   * outlive the young generation).
   */
  async *livePagesOfCycle(cycleId: string, pageSize: number): AsyncGenerator<{ subjectId: string; report: Buffer }[]> {
    let after = '';
    for (;;) {
      const page: { subjectId: string; report: Buffer }[] = await this.dataSource.query(
        `SELECT "subject_id" AS "subjectId", "report" FROM "gateway"."subject_report"
         WHERE "cycle_id" = $1 AND "result_set" = $2 AND "subject_id" > $3 ORDER BY "subject_id" LIMIT $4`,
        [cycleId, LIVE_RESULT_SET, after, pageSize],
      );
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page[page.length - 1].subjectId;
    }
  }

  /** The publication, with what the live report says about the instrument and role profile. */
  async published(cycleId: string, subjectId: string): Promise<StoredReport | null> {
    const published = await this.dataSource.getRepository(PublishedReportEntity).findOneBy({ cycleId, subjectId });
    if (!published) return null;
    const live = await this.live(cycleId, subjectId);
    return {
      cycleId,
      subjectId,
      resultSet: LIVE_RESULT_SET,
      reportVersion: published.reportVersion,
      responseCount: Object.values(published.groupCounts).reduce((a, b) => a + b, 0),
      roleProfileId: live?.roleProfileId ?? null,
      instrumentVersion: live?.instrumentVersion ?? null,
      groupCounts: published.groupCounts,
      report: published.report,
      scoredAt: published.publishedAt,
    };
  }

  async resultSets(cycleId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(SubjectReportEntity)
      .createQueryBuilder('r')
      .select('DISTINCT r.resultSet', 'resultSet')
      .where('r.cycleId = :cycleId', { cycleId })
      .orderBy('"resultSet"')
      .getRawMany<{ resultSet: string }>();
    return rows.map((r) => r.resultSet);
  }

  /** Each result set of a cycle with the instrument version and role profile it was scored under. */
  async resultSetDetails(
    cycleId: string,
  ): Promise<{ resultSet: string; instrumentVersion: number; roleProfileId: string | null; scoredAt: Date }[]> {
    const rows = await this.dataSource
      .getRepository(SubjectReportEntity)
      .createQueryBuilder('r')
      .select('r.resultSet', 'resultSet')
      .addSelect('MAX(r.instrumentVersion)', 'instrumentVersion')
      .addSelect('MAX(r.roleProfileId)', 'roleProfileId')
      .addSelect('MAX(r.scoredAt)', 'scoredAt')
      .where('r.cycleId = :cycleId', { cycleId })
      .groupBy('r.resultSet')
      .orderBy('MAX(r.scoredAt)')
      .getRawMany<{ resultSet: string; instrumentVersion: number | string; roleProfileId: string | null; scoredAt: Date | string }>();
    return rows.map((r) => ({
      resultSet: r.resultSet,
      instrumentVersion: Number(r.instrumentVersion),
      roleProfileId: r.roleProfileId,
      scoredAt: new Date(r.scoredAt),
    }));
  }

  /** Only the cells stored beside each report are read, never the whole reports. */
  heatmapRows(cycleId: string, subjectIds: string[] | null, source: 'live' | 'published'): Promise<HeatmapRowData[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from(source === 'live' ? SubjectReportEntity : PublishedReportEntity, 'r')
      .select('r.subjectId', 'subjectId')
      .addSelect('(SELECT coalesce(sum(v::int), 0) FROM jsonb_each_text(r.group_counts) AS g(k, v))::int', 'responseCount')
      .addSelect('r.overallFit', 'overallFit')
      .addSelect('r.cells', 'cells')
      .where('r.cycleId = :cycleId', { cycleId });
    if (source === 'live') qb.andWhere('r.resultSet = :live', { live: LIVE_RESULT_SET });
    if (subjectIds) qb.andWhere('r.subjectId = ANY(:subjectIds)', { subjectIds });
    return qb.getRawMany<HeatmapRowData>();
  }

  /**
   * One page of a cycle's live heatmap, filtered and sorted in PostgreSQL (keyset paging on the
   * sort key and the subject id): reads `first + 1` rows so the caller knows whether more follow,
   * and counts every row matching the filter. The page is chosen over the narrow columns (the
   * `subject_report_heatmap_*` indexes walk the sort order, so a page of 100 of 10,000 reads about
   * 100 index entries) and only the page's rows are read whole for their cells; `person` is joined
   * only for a filter or sort on the person (name, e-mail, employee id, department).
   */
  async heatmapPage(
    organisationId: string,
    cycleId: string,
    filter: HeatmapFilter,
    page: PageRequest<HeatmapSortKey>,
  ): Promise<{ rows: (HeatmapRowData & { sortKey: string | number | null })[]; total: number }> {
    const params: unknown[] = [cycleId, LIVE_RESULT_SET, organisationId];
    const where = ['r.cycle_id = $1', 'r.result_set = $2', 'r.organisation_id = $3::text'];
    const byPerson = !!filter.search || !!filter.department || page.sort === HeatmapSortKey.NAME;
    if (filter.search) where.push(personSearch(params, filter.search, ['p']));
    if (filter.department) {
      params.push(filter.department);
      where.push(`p.department = $${params.length}`);
    }
    if (filter.minResponses != null) {
      params.push(filter.minResponses);
      where.push(`r.response_count >= $${params.length}`);
    }
    const from = `gateway.subject_report r${byPerson ? ' JOIN gateway.person p ON p.id = r.subject_id::uuid AND p.organisation_id = $3::uuid' : ''}`;
    const countParams = [...params];
    const countWhere = [...where];
    const sort = HEATMAP_SORT[page.sort];
    const key = sort.expression(page.direction);
    const order = page.direction === SortDirection.ASC ? 'ASC' : 'DESC';
    if (page.after) {
      params.push(page.after.key, page.after.id);
      where.push(`(${key}, r.subject_id) ${order === 'ASC' ? '>' : '<'} ($${params.length - 1}::${sort.cast}, $${params.length}::text)`);
    }
    let limit = '';
    if (page.first != null) {
      params.push(page.first + 1);
      limit = `LIMIT $${params.length}`;
    }
    const [rows, count] = await Promise.all([
      this.dataSource.query<(HeatmapRowData & { sortKey: string | number | null })[]>(
        `SELECT m.subject_id AS "subjectId", m.response_count AS "responseCount", m.overall_fit AS "overallFit", w.cells, m.sort_key AS "sortKey"
           FROM (SELECT r.subject_id, r.response_count, r.overall_fit, ${key} AS sort_key
                   FROM ${from} WHERE ${where.join(' AND ')}
                  ORDER BY ${key} ${order}, r.subject_id ${order} ${limit}) m
           JOIN gateway.subject_report w ON w.cycle_id = $1 AND w.result_set = $2 AND w.subject_id = m.subject_id
          ORDER BY m.sort_key ${order}, m.subject_id ${order}`,
        params,
      ),
      this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${from} WHERE ${countWhere.join(' AND ')}`, countParams),
    ]);
    return { rows, total: count[0].n };
  }

  /** The people reporting to `managerId` who are reviewed in the cycle. */
  async teamOf(cycleId: string, managerId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .innerJoin(CycleSubjectEntity, 's', 's.personId = p.id AND s.cycleId = :cycleId', { cycleId })
      .where('p.managerId = :managerId', { managerId })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
