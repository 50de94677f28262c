import type { CycleScoredV1, ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RaterGroup } from '@leaderscope/scoring';
import { DataSource } from 'typeorm';
import { CycleEntity } from '../cycles/cycle.entity';
import { CycleResultEntity, SubjectComparisonEntity } from './cycle-result.entity';

/** The cycle-result read models: only a newer version replaces a stored one. */
@Injectable()
export class CycleResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async applyCycleResult(organisationId: string, r: CycleScoredV1): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CycleResultEntity);
      const stored = await repo.findOne({ where: { cycleId: r.cycleId, resultSet: r.resultSet }, lock: { mode: 'pessimistic_write' } });
      if (stored && stored.resultVersion >= r.resultVersion) return false;
      await repo.save({
        cycleId: r.cycleId,
        resultSet: r.resultSet,
        organisationId,
        resultVersion: r.resultVersion,
        instrumentId: r.instrumentId,
        closed: r.closed,
        result: r,
        scoredAt: new Date(r.scoredAt),
      });
      return true;
    });
  }

  async applyComparisons(organisationId: string, c: ReportComparisonsUpdatedV1): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(SubjectComparisonEntity);
      const stored = await repo.findOne({
        where: { cycleId: c.cycleId, subjectId: c.subjectId, resultSet: c.resultSet },
        lock: { mode: 'pessimistic_write' },
      });
      if (stored && stored.comparisonVersion >= c.comparisonVersion) return false;
      await repo.save({
        cycleId: c.cycleId,
        subjectId: c.subjectId,
        resultSet: c.resultSet,
        organisationId,
        comparisonVersion: c.comparisonVersion,
        comparisons: { norms: c.norms, trend: c.trend },
        scoredAt: new Date(c.scoredAt),
      });
      return true;
    });
  }

  cycleResult(cycleId: string, resultSet: string): Promise<CycleResultEntity | null> {
    return this.dataSource.getRepository(CycleResultEntity).findOneBy({ cycleId, resultSet });
  }

  /**
   * The live result of the organisation's most recently closed cycle of this instrument version (its
   * ICC(1) feeds the projection). Ordered by the cycle's close, never by when it was scored: a late
   * rescore of an old cycle, or a rescore result set, never becomes the "latest".
   */
  latestClosed(organisationId: string, instrumentId: string, instrumentVersion: number): Promise<CycleResultEntity | null> {
    return this.dataSource
      .getRepository(CycleResultEntity)
      .createQueryBuilder('r')
      .innerJoin(CycleEntity, 'c', 'c.id = r.cycleId AND c.organisationId = r.organisationId')
      .where('r.organisationId = :organisationId', { organisationId })
      .andWhere('r.resultSet = :live', { live: LIVE_RESULT_SET })
      .andWhere('r.closed = true')
      .andWhere('c.instrumentId = :instrumentId', { instrumentId })
      .andWhere('c.instrumentVersion = :instrumentVersion', { instrumentVersion })
      .orderBy('c.closedAt', 'DESC', 'NULLS LAST')
      .addOrderBy('r.scoredAt', 'DESC')
      .getOne();
  }

  comparison(cycleId: string, subjectId: string, resultSet: string): Promise<SubjectComparisonEntity | null> {
    return this.dataSource.getRepository(SubjectComparisonEntity).findOneBy({ cycleId, subjectId, resultSet });
  }

  /**
   * How many raters of each group each subject of the cycle has: the assignments not revoked once
   * launched, else the nominations proposed or approved. Counted by PostgreSQL, one row per subject
   * with their name (a cycle of 10,000 leaders has 150,000 assignments); subjects who are not people
   * of the organisation are left out.
   */
  async invitedBySubject(
    cycleId: string,
    organisationId: string,
  ): Promise<{ subjectId: string; name: string; invited: Partial<Record<RaterGroup, number>> }[]> {
    type Row = { subjectId: string; name: string; invited: Partial<Record<RaterGroup, number>> };
    const bySubject = (counted: string): Promise<Row[]> =>
      this.dataSource.query<Row[]>(
        `SELECT c."subject_id" AS "subjectId", p."name", jsonb_object_agg(c."rater_group", c."n") AS "invited"
         FROM (${counted}) AS c JOIN "gateway"."person" p ON p."id" = c."subject_id" AND p."organisation_id" = $2
         GROUP BY c."subject_id", p."name"`,
        [cycleId, organisationId],
      );
    const launched = await bySubject(
      `SELECT "subject_id", "rater_group", count(*)::int AS "n" FROM "gateway"."assignment"
       WHERE "cycle_id" = $1 AND "revoked_at" IS NULL GROUP BY 1, 2`,
    );
    if (launched.length) return launched;
    return bySubject(
      `SELECT "subject_id", "rater_group", count(*)::int AS "n" FROM "gateway"."nomination"
       WHERE "cycle_id" = $1 AND "status" IN ('proposed', 'approved') GROUP BY 1, 2`,
    );
  }
}
