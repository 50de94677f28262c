import { LIVE_RESULT_SET, packedReportSchema, scoredReportSchema } from '@leaderscope/vocabulary';
import { z } from 'zod';
import { defineEvent } from '../envelope';
import { subjectKey, Topics } from './topics';

/** What every version of report.updated carries before its report (then `scoredAt`). */
const reportUpdatedFields = {
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
};

/**
 * report.updated v1: the report's item results as objects. Produced until session 25; still consumed
 * by the gateway (events of it may wait in a topic, a log or an outbox), no longer produced.
 */
export const reportUpdatedV1 = defineEvent({
  type: 'report.updated',
  version: 1,
  topic: Topics.Reports,
  schema: z.object({
    ...reportUpdatedFields,
    /**
     * The report as computed by @leaderscope/scoring's buildSubjectReport (already anonymity-safe),
     * its figures rounded to REPORT_FIGURE_DECIMALS (4) places, validated against the vocabulary's
     * scored-report contract: producer and consumer share its type.
     */
    report: scoredReportSchema,
    scoredAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ReportUpdatedV1 = z.infer<typeof reportUpdatedV1.schema>;

/**
 * report.updated v2: the same report with its item results packed in rows (the vocabulary's
 * `packedReportSchema`; `unpackReport` gives back the objects), about a quarter shorter as text.
 * The scoring service produces it; the gateway consumes it and v1.
 */
export const reportUpdatedV2 = defineEvent({
  type: 'report.updated',
  version: 2,
  topic: Topics.Reports,
  schema: z.object({ ...reportUpdatedFields, report: packedReportSchema, scoredAt: z.iso.datetime() }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ReportUpdatedV2 = z.infer<typeof reportUpdatedV2.schema>;

const figure = z.number();
const interval = z.tuple([figure, figure]).nullable();

/**
 * A cycle's cycle-level result, written by the scoring service with @leaderscope/scoring's
 * scoreCycle: norm availability per dimension, Cronbach's alpha per dimension and ICC(1)/ICC(1,k)
 * per rater group. No subject's figure is in it.
 */
export const cycleScoredV1 = defineEvent({
  type: 'cycle.scored',
  version: 1,
  topic: Topics.CycleResults,
  schema: z.object({
    cycleId: z.string().min(1),
    resultSet: z.string().min(1).max(100),
    /** Increases by one each time the cycle's result in this result set is rewritten. */
    resultVersion: z.number().int().positive(),
    instrumentId: z.string().min(1),
    instrumentVersion: z.number().int().positive(),
    roleProfileId: z.string().min(1).max(100).nullable(),
    minGroupSize: z.number().int().positive(),
    closed: z.boolean(),
    subjectCount: z.number().int().nonnegative(),
    norms: z.object({
      minSubjects: z.number().int().min(10),
      dimensions: z.array(
        z.object({ dimensionId: z.string(), n: z.number().int().nonnegative(), available: z.boolean(), reason: z.string().nullable() }),
      ),
    }),
    reliability: z.object({
      alpha: z.array(
        z.object({
          dimensionId: z.string(),
          alpha: figure.nullable(),
          respondents: z.number().int().nonnegative(),
          items: z.number().int().nonnegative(),
        }),
      ),
      groups: z.array(
        z.object({
          group: z.string(),
          icc1: figure.nullable(),
          icck: figure.nullable(),
          dimensions: z.array(
            z.object({
              dimensionId: z.string(),
              icc1: figure.nullable(),
              icck: figure.nullable(),
              k0: figure.nullable(),
              subjects: z.number().int().nonnegative(),
              raters: z.number().int().nonnegative(),
            }),
          ),
        }),
      ),
    }),
    scoredAt: z.iso.datetime(),
  }),
  keyOf: (p) => p.cycleId,
});
export type CycleScoredV1 = z.infer<typeof cycleScoredV1.schema>;

const norm = z.object({
  percentile: figure.nullable(),
  normSize: z.number().int().nonnegative(),
  available: z.boolean(),
  reason: z.string().nullable(),
});

/**
 * One subject's comparisons in a cycle: each dimension's percentile within the cycle and within the
 * organisation's norm group (this cycle and every closed cycle of the same instrument version and
 * role profile), and the like-for-like trend against the subject's previous closed cycle, rescored
 * under this cycle's instrument version and role profile. Computed from published others means only.
 */
export const reportComparisonsUpdatedV1 = defineEvent({
  type: 'report.comparisons-updated',
  version: 1,
  topic: Topics.CycleResults,
  schema: z.object({
    cycleId: z.string().min(1),
    subjectId: z.string().min(1),
    resultSet: z.string().min(1).max(100),
    comparisonVersion: z.number().int().positive(),
    norms: z.array(z.object({ dimensionId: z.string(), cycle: norm, organisation: norm.extend({ cycles: z.number().int().positive() }) })),
    trend: z
      .object({
        previousCycleId: z.string().min(1),
        previousInstrumentVersion: z.number().int().positive(),
        /** the basis the previous responses were rescored under (this cycle's) */
        instrumentVersion: z.number().int().positive(),
        roleProfileId: z.string().nullable(),
        ratersInCommon: z
          .object({ common: z.number().int(), previous: z.number().int(), current: z.number().int(), shareOfCurrent: figure })
          .nullable(),
        dimensions: z.array(
          z.object({
            dimensionId: z.string(),
            previous: z.object({ mean: figure, n: z.number().int(), ci95: interval }).nullable(),
            current: z.object({ mean: figure, n: z.number().int(), ci95: interval }).nullable(),
            change: figure.nullable(),
            ci95: interval,
            call: z.enum(['improved', 'declined', 'no-clear-change', 'not-comparable']),
            comparability: z.object({
              groupMix: z.object({
                previous: z.object({ published: z.record(z.string(), z.number().int()), merged: z.number().int() }).nullable(),
                current: z.object({ published: z.record(z.string(), z.number().int()), merged: z.number().int() }).nullable(),
              }),
              itemsInCommon: z.object({ common: z.number().int(), current: z.number().int(), share: figure }).nullable(),
            }),
          }),
        ),
      })
      .nullable(),
    scoredAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ReportComparisonsUpdatedV1 = z.infer<typeof reportComparisonsUpdatedV1.schema>;
