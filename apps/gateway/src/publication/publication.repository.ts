import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids';
import { CycleEntity } from '../cycles/cycle.entity';

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

  /**
   * Publishes the subject's live report as it is now, replacing the subject's publication: copied in
   * PostgreSQL, so the report is never read into the gateway. The publication's row stays locked
   * until the transaction ends.
   */
  async publishLive(manager: EntityManager, cycleId: string, subjectId: string): Promise<void> {
    await manager.query(
      `INSERT INTO "gateway"."published_report" AS p
         ("cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", "published_at")
       SELECT "cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", now()
       FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = $3
       ON CONFLICT ("cycle_id", "subject_id") DO UPDATE SET
         "organisation_id" = EXCLUDED."organisation_id", "report_version" = EXCLUDED."report_version",
         "group_counts" = EXCLUDED."group_counts", "report" = EXCLUDED."report", "cells" = EXCLUDED."cells",
         "overall_fit" = EXCLUDED."overall_fit", "published_at" = EXCLUDED."published_at"`,
      [cycleId, subjectId, LIVE_RESULT_SET],
    );
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
