import { createEnvelope, EventEnvelope, reportUpdatedV1 } from '@leaderscope/events';
import { emptyScoredReport } from '@leaderscope/vocabulary';

/** A small report.updated of one subject and version, the event these specs write and publish. */
export function reportEvent(subjectId: string, reportVersion: number, correlationId?: string): EventEnvelope {
  return createEnvelope(
    reportUpdatedV1,
    {
      cycleId: 'c',
      subjectId,
      reportVersion,
      instrumentId: 'i',
      instrumentVersion: 1,
      responseCount: 1,
      report: emptyScoredReport(),
      scoredAt: new Date().toISOString(),
    },
    { organisationId: 'o', ...(correlationId ? { correlationId } : {}) },
  );
}
