import type { CycleScoredV1, ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { NominationEntity } from '../nominations/nomination.entity';
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

  /** Raters invited per subject and group: the assignments once launched, the nominations before. */
  async invited(cycleId: string): Promise<{ subjectId: string; group: string; n: number }[]> {
    const count = (rows: { subjectId: string; raterGroup: string }[]) => {
      const by = new Map<string, { subjectId: string; group: string; n: number }>();
      for (const r of rows) {
        const key = `${r.subjectId}:${r.raterGroup}`;
        const e = by.get(key) ?? { subjectId: r.subjectId, group: r.raterGroup, n: 0 };
        e.n++;
        by.set(key, e);
      }
      return [...by.values()];
    };
    const assignments = await this.dataSource
      .getRepository(AssignmentEntity)
      .find({ select: { subjectId: true, raterGroup: true }, where: { cycleId, revokedAt: IsNull() } });
    if (assignments.length) return count(assignments);
    return count(
      await this.dataSource
        .getRepository(NominationEntity)
        .find({ select: { subjectId: true, raterGroup: true }, where: { cycleId, status: In(['proposed', 'approved']) } }),
    );
  }
}
