import { LIVE_RESULT_SET, scoredReportSchema } from '@leaderscope/vocabulary';
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
    /**
     * Which result set this report belongs to: 'live' for the cycle's own scoring, or the id of a
     * rescore (another instrument version or role profile); earlier result sets are kept.
     */
    resultSet: z.string().min(1).max(100).default(LIVE_RESULT_SET),
    /** Increases by one each time the subject's report in this result set is rewritten. */
    reportVersion: z.number().int().positive(),
    instrumentId: z.string().min(1),
    instrumentVersion: z.number().int().positive(),
    roleProfileId: z.string().min(1).max(100).nullable().default(null),
    /** Counted raters per group (for the gateway's publication rule); no figures. */
    groupCounts: z.record(z.string(), z.number().int().nonnegative()).default({}),
    responseCount: z.number().int().nonnegative(),
    /**
     * The report as computed by @leaderscope/scoring's buildSubjectReport (already anonymity-safe),
     * validated against the vocabulary's scored-report contract: producer and consumer share its type.
     */
    report: scoredReportSchema,
    scoredAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ReportUpdatedV1 = z.infer<typeof reportUpdatedV1.schema>;
