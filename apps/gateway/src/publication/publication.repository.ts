import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chunks, isUuid } from '../common/ids';
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

  /** Publishes each live report that has no publication yet. */
  async publishFirst(manager: EntityManager, lives: SubjectReportEntity[]): Promise<void> {
    const now = new Date();
    for (const slice of chunks(lives.map((l) => publicationOf(l, now)))) {
      await manager.getRepository(PublishedReportEntity).createQueryBuilder().insert().values(slice).orIgnore().execute();
    }
  }
}
