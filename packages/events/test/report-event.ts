/** A small report.updated for the transport specs (an empty scored report: the envelope is what they exercise). */
import { emptyScoredReport } from '@leaderscope/vocabulary';
import { createEnvelope, EventEnvelope, reportUpdatedV1 } from '../src/index';

export function reportEvent(subjectId: string, reportVersion = 1): EventEnvelope {
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
    { organisationId: 'o' },
  );
}
