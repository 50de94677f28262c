import { z } from 'zod';
import { defineEvent } from '../envelope';
import { subjectKey, Topics } from './topics';

export const reportUpdatedV1 = defineEvent({
  type: 'report.updated',
  version: 1,
  topic: Topics.Reports,
  schema: z.object({
    cycleId: z.string().min(1),
    subjectId: z.string().min(1),
    /** Increases by one each time the subject's report is rewritten. */
    reportVersion: z.number().int().positive(),
    instrumentId: z.string().min(1),
    instrumentVersion: z.number().int().positive(),
    responseCount: z.number().int().nonnegative(),
    /** The report as computed by @leaderscope/scoring (already anonymity-safe). */
    report: z.record(z.string(), z.unknown()),
    scoredAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ReportUpdatedV1 = z.infer<typeof reportUpdatedV1.schema>;
