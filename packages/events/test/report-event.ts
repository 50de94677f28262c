/**
 * A small report.updated of one subject and version (an empty scored report: the envelope is what
 * the transport and outbox specs exercise). Shared by this package's specs and packages/database's
 * (`@leaderscope/events/test/report-event`).
 */
import { emptyScoredReport } from '@leaderscope/vocabulary';
import { createEnvelope, EventEnvelope, reportUpdatedV1 } from '../src/index';

export function reportEvent(subjectId: string, reportVersion = 1, correlationId?: string): EventEnvelope {
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
