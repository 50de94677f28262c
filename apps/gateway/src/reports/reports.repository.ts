import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CycleSubjectEntity } from '../cycles/cycle.entity';
import { PersonEntity } from '../people/person.entity';
import { PublishedReportEntity } from '../publication/published-report.entity';
import { HeatmapCellRow, SubjectReportEntity } from './subject-report.entity';

export const LIVE = 'live';

/** A stored report as the read side needs it, live or published. */
export type StoredReport = Pick<SubjectReportEntity, 'cycleId' | 'subjectId' | 'resultSet' | 'reportVersion' | 'responseCount' | 'roleProfileId' | 'groupCounts' | 'report' | 'scoredAt'> & {
  /** Null for a publication without a live report (then the cycle's version applies). */
  instrumentVersion: number | null;
};

export interface HeatmapRowData {
  subjectId: string;
  responseCount: number;
  overallFit: number | null;
  cells: HeatmapCellRow[];
}

/** The report read model: what the scoring service computed, and what was published of it. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a newer report; an older or repeated version (redelivery, reordering) changes nothing. Returns whether it was stored. */
  async storeIfNewer(manager: EntityManager, row: SubjectReportEntity): Promise<boolean> {
    const updated = ['report_version', 'instrument_version', 'role_profile_id', 'response_count', 'group_counts', 'report', 'scored_at', 'cells', 'overall_fit'];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(SubjectReportEntity)
      .values(row)
      .onConflict(
        `("cycle_id", "subject_id", "result_set") DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}
         WHERE "subject_report"."report_version" < EXCLUDED."report_version"`,
      )
      .returning(['cycleId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  live(cycleId: string, subjectId: string, resultSet = LIVE): Promise<SubjectReportEntity | null> {
    return this.dataSource.getRepository(SubjectReportEntity).findOneBy({ cycleId, subjectId, resultSet });
  }

  liveOfCycle(manager: EntityManager | undefined, cycleId: string): Promise<SubjectReportEntity[]> {
    return (manager ?? this.dataSource.manager).getRepository(SubjectReportEntity).findBy({ cycleId, resultSet: LIVE });
  }

  /** The publication, with what the live report says about the instrument and role profile. */
  async published(cycleId: string, subjectId: string): Promise<StoredReport | null> {
    const published = await this.dataSource.getRepository(PublishedReportEntity).findOneBy({ cycleId, subjectId });
    if (!published) return null;
    const live = await this.live(cycleId, subjectId);
    return {
      cycleId,
      subjectId,
      resultSet: LIVE,
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
    if (source === 'live') qb.andWhere('r.resultSet = :live', { live: LIVE });
    if (subjectIds) qb.andWhere('r.subjectId = ANY(:subjectIds)', { subjectIds });
    return qb.getRawMany<HeatmapRowData>();
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
