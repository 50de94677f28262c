import { z } from 'zod';
import { RATER_GROUPS } from './rater-groups';

/**
 * The scored report as it travels in `report.updated`: what @leaderscope/scoring's
 * buildSubjectReport computes for one subject (already anonymity-safe: a suppressed figure carries
 * its count and reason, never a mean). The scoring service produces it, the gateway stores and
 * shows it; both are type-checked against this schema and every event is validated with it.
 * Every object is strict: a field the contract does not name is refused, not dropped (a suppressed
 * figure that carried a mean is an invalid event, dead-lettered where it is consumed, rather than
 * trimmed in silence). A new figure is added here first, and its readers deployed first.
 */
const group = z.enum(RATER_GROUPS);
const num = z.number();
const interval = z.tuple([num, num]);

export const publishedSchema = z.strictObject({
  n: z.number().int().nonnegative(),
  mean: num,
  sd: num.nullable(),
  ci95: interval.nullable(),
  rwg: num.nullable(),
});
export const suppressedSchema = z.strictObject({ suppressed: z.literal(true), n: z.number().int().nonnegative(), reason: z.string() });
const groupScore = z.union([suppressedSchema, publishedSchema]);

export const dimensionScoresSchema = z.strictObject({
  dimensionId: z.string(),
  groups: z.partialRecord(group, groupScore),
  others: z.union([suppressedSchema, publishedSchema.extend({ includes: z.array(group) })]),
  gap: num.nullable(),
  expectation: z.strictObject({ target: num, fit: num }).nullable(),
});

const rankedDimension = z.strictObject({ dimensionId: z.string(), others: num, target: num.nullable(), fit: num.nullable() });
const ranking = z.strictObject({ byMean: z.array(rankedDimension), byFit: z.array(rankedDimension), fitBasis: z.string().nullable() });
const gapFinding = z.strictObject({ dimensionId: z.string(), self: num, others: num, gap: num, ci95: interval });
const readinessDimension = z.strictObject({
  dimensionId: z.string(),
  target: num,
  others: num.nullable(),
  fit: num.nullable(),
  meets: z.boolean().nullable(),
});

const rankedItem = z.strictObject({
  itemId: z.string(),
  dimensionId: z.string(),
  others: num,
  n: z.number().int(),
  ci95: interval.nullable(),
});
/** Item-level results (reports scored before they existed have none). */
export const itemResultsSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      itemId: z.string(),
      dimensionId: z.string(),
      groups: z.partialRecord(group, groupScore),
      others: z.union([suppressedSchema, publishedSchema.extend({ includes: z.array(group) })]),
      gap: num.nullable(),
    }),
  ),
  highest: z.array(rankedItem),
  lowest: z.array(rankedItem),
});

export const scoredReportSchema = z.strictObject({
  scores: z.strictObject({ dimensions: z.array(dimensionScoresSchema) }),
  overall: z.strictObject({
    others: num.nullable(),
    self: num.nullable(),
    gap: num.nullable(),
    fit: num.nullable(),
    dimensionsIncluded: z.number().int(),
    dimensionsTotal: z.number().int(),
  }),
  strengths: ranking,
  developmentAreas: ranking,
  blindSpots: z.array(gapFinding),
  hiddenStrengths: z.array(gapFinding),
  lowAgreement: z.array(
    z.strictObject({ dimensionId: z.string(), scope: z.union([z.literal('others'), group]), rwg: num, n: z.number().int() }),
  ),
  transitionRisks: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      status: z.enum(['flagged', 'clear', 'insufficient-data']),
      signalsOn: z.number().int(),
      signalsEvaluated: z.number().int(),
      minSignals: z.number().int(),
      signals: z.array(
        z.strictObject({
          itemId: z.string(),
          groupsUsed: z.array(group),
          n: z.number().int(),
          mean: num.nullable(),
          on: z.boolean().nullable(),
        }),
      ),
    }),
  ),
  readiness: z.array(
    z.strictObject({
      profileId: z.string(),
      name: z.string(),
      status: z.enum(['ready', 'developing', 'not-yet', 'insufficient-data']),
      targeted: z.number().int(),
      assessed: z.number().int(),
      meets: z.number().int(),
      share: num.nullable(),
      meanFit: num.nullable(),
      dimensions: z.array(readinessDimension),
      largestShortfalls: z.array(readinessDimension),
    }),
  ),
  comments: z.array(z.strictObject({ text: z.string(), group, dimensionId: z.string().nullable() })),
  items: itemResultsSchema.optional(),
});

export type ScoredReport = z.infer<typeof scoredReportSchema>;
export type ScoredDimension = z.infer<typeof dimensionScoresSchema>;
export type ScoredItemResults = z.infer<typeof itemResultsSchema>;
export type PublishedFigure = z.infer<typeof publishedSchema>;
export type SuppressedFigure = z.infer<typeof suppressedSchema>;

/** A figure that may be shown (it has a mean), as opposed to a suppressed one. */
export function isPublishedFigure<T extends { n: number }>(figure: T | SuppressedFigure): figure is Exclude<T, SuppressedFigure> {
  return !('suppressed' in figure && figure.suppressed === true);
}

/** A report with nothing in it (no dimension scored): a valid value, e.g. for tests of the event path. */
export function emptyScoredReport(): ScoredReport {
  const ranking = { byMean: [], byFit: [], fitBasis: null };
  return {
    scores: { dimensions: [] },
    overall: { others: null, self: null, gap: null, fit: null, dimensionsIncluded: 0, dimensionsTotal: 0 },
    strengths: ranking,
    developmentAreas: { ...ranking },
    blindSpots: [],
    hiddenStrengths: [],
    lowAgreement: [],
    transitionRisks: [],
    readiness: [],
    comments: [],
  };
}
