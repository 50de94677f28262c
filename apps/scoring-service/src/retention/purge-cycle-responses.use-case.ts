import { CycleResponsesPurgeRequestedV1, EventEnvelope } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import { forgetCycleViews } from '../disclosure/disclosure-ledger';

export interface PurgeOutcome {
  responses: number;
  reportsKeptAsDisclosed: number;
  reportsNeverDisclosed: number;
}

/**
 * The retention period of a closed cycle ran out. The scoring service deletes its copy of the
 * cycle's responses (answers and comments), and keeps of each subject's report only what was
 * disclosed: a report row's counts become its latest disclosed view's (`scoring.disclosed_view`),
 * and so does its report (a whole-cycle rescore's view has no copy of its report, which is that
 * row's own; a live row has none, its report is the ledger's), and a row
 * that was never disclosed (held back by the disclosure rule, or a withheld rescore) is deleted.
 * Nothing anyone saw changes, nothing is announced, and no figure computed from raters who were
 * held back survives. Through the inbox; a repeat finds nothing more to delete.
 */
@Injectable()
export class PurgeCycleResponsesUseCase {
  static readonly consumer = 'retention';
  private readonly logger = new Logger(PurgeCycleResponsesUseCase.name);

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<CycleResponsesPurgeRequestedV1>): Promise<PurgeOutcome | undefined> {
    const { cycleId } = event.payload;
    const outcome = await this.outbox.handleOnce(PurgeCycleResponsesUseCase.consumer, event, async ({ manager }) => {
      // The subject locks the live scoring takes, so no response of the cycle is being scored meanwhile.
      await manager.query(
        `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext('scoring:' || "cycle_id" || ':' || "subject_id") AS h
           FROM "scoring"."subject_report" WHERE "cycle_id" = $1 ORDER BY h) AS locks`,
        [cycleId],
      );
      const responses: unknown = await manager.query(
        `DELETE FROM "scoring"."rater_response" WHERE "cycle_id" = $1 AND "organisation_id" = $2 RETURNING 1`,
        [cycleId, event.organisationId],
      );
      const kept: unknown = await manager.query(
        `UPDATE "scoring"."subject_report" r
            SET "report" = CASE WHEN r."result_set" = 'live' THEN NULL ELSE coalesce(v."report", r."report") END, "group_counts" = v."group_counts",
                "response_count" = cardinality(v."response_ids")
           FROM (SELECT DISTINCT ON ("subject_id", "result_set") "subject_id", "result_set", "report", "group_counts", "response_ids"
                   FROM "scoring"."disclosed_view" WHERE "cycle_id" = $1
                  ORDER BY "subject_id", "result_set", "snapshot" DESC) v
          WHERE r."cycle_id" = $1 AND r."subject_id" = v."subject_id" AND r."result_set" = v."result_set" AND r."withheld" IS NULL
          RETURNING 1`,
        [cycleId],
      );
      const dropped: unknown = await manager.query(
        `DELETE FROM "scoring"."subject_report" r
          WHERE r."cycle_id" = $1
            AND (r."withheld" IS NOT NULL OR NOT EXISTS (SELECT 1 FROM "scoring"."disclosed_view" v
                   WHERE v."cycle_id" = r."cycle_id" AND v."subject_id" = r."subject_id" AND v."result_set" = r."result_set"))
          RETURNING 1`,
        [cycleId],
      );
      return { responses: affected(responses), reportsKeptAsDisclosed: affected(kept), reportsNeverDisclosed: affected(dropped) };
    });
    // nor does a copy of its answers stay in the ledger views this process keeps for live decisions
    forgetCycleViews(cycleId);
    if (outcome) this.logger.log(`retention: cycle ${cycleId}: ${JSON.stringify(outcome)}`);
    return outcome;
  }
}

/** Rows a statement changed: TypeORM's PostgreSQL driver answers `[rows, rowCount]` for UPDATE and DELETE. */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : Array.isArray(result) ? result.length : 0;
}
