import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids';
import { CycleEntity } from '../cycles/cycle.entity';
import { SubjectReportEntity } from '../reports/subject-report.entity';
import { PublishedReportEntity } from './published-report.entity';

function publicationOf(live: SubjectReportEntity, at: Date): PublishedReportEntity {
  const { cycleId, subjectId, organisationId, reportVersion, groupCounts, report, cells, overallFit } = live;
  return { cycleId, subjectId, organisationId, reportVersion, groupCounts, report, cells, overallFit, publishedAt: at };
}

/** What the subject and their manager see: the publications, written only under the publication rule. */
@Injectable()
export class PublicationRepository {
  /** When the cycle's results were released, if they were. */
  async releasedAt(manager: EntityManager, cycleId: string): Promise<Date | null> {
    if (!isUuid(cycleId)) return null;
    return (
      (await manager.getRepository(CycleEntity).findOne({ select: { id: true, releasedAt: true }, where: { id: cycleId } }))?.releasedAt ??
      null
    );
  }

  /** The subject's publication, locked until the transaction ends. */
  lockPublished(manager: EntityManager, cycleId: string, subjectId: string): Promise<PublishedReportEntity | null> {
    return manager
      .getRepository(PublishedReportEntity)
      .createQueryBuilder('p')
      .where('p.cycleId = :cycleId AND p.subjectId = :subjectId', { cycleId, subjectId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Publishes the live report as it is now, replacing the subject's publication. */
  async publish(manager: EntityManager, live: SubjectReportEntity): Promise<void> {
    await manager.getRepository(PublishedReportEntity).upsert(publicationOf(live, new Date()), { conflictPaths: ['cycleId', 'subjectId'] });
  }

  /**
   * Publishes each live report of the cycle that has no publication yet, as it stands, in one
   * statement: the reports never leave PostgreSQL (a cycle of 10,000 subjects carries about 450 MB of
   * report text, more than the gateway's heap: docs/benchmarks.md, "Fourteenth round").
   */
  async publishFirst(manager: EntityManager, cycleId: string): Promise<void> {
    await manager.query(
      `INSERT INTO "gateway"."published_report"
         ("cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", "published_at")
       SELECT "cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", now()
       FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2
       ON CONFLICT ("cycle_id", "subject_id") DO NOTHING`,
      [cycleId, LIVE_RESULT_SET],
    );
  }
}
