import type { CycleRaterPseudonymsV1 } from '@leaderscope/events';
import type { UnitOfWork } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';

/**
 * Keeps each rater assignment's pseudonym (`cycle.rater-pseudonyms`, sent by the gateway at launch).
 * A pseudonym never changes: a repeat is a no-op. `ScoreCycleUseCase` compares them between a
 * subject's previous cycle and this one (raters in common), nothing else reads them.
 */
@Injectable()
export class RecordRaterPseudonymsUseCase {
  async executeIn({ manager }: UnitOfWork, organisationId: string, p: CycleRaterPseudonymsV1): Promise<number> {
    if (p.raters.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO "scoring"."rater_pseudonym" ("cycle_id", "rater_id", "subject_id", "organisation_id", "rater_key")
       SELECT $1, r."raterId", $2, $3, r."raterKey" FROM jsonb_to_recordset($4::jsonb) AS r("raterId" text, "raterKey" text)
       ON CONFLICT ("cycle_id", "rater_id") DO NOTHING RETURNING 1`,
      [p.cycleId, p.subjectId, organisationId, JSON.stringify(p.raters)],
    );
    return rows.length;
  }
}
