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

/*
 * The report as it is sent (report.updated v2) and stored: the same report, with its item-level
 * results packed in rows. Written out as objects, each item's figures per rater group repeated the
 * same key names (`"n"`, `"mean"`, `"sd"`, `"ci95"`, `"rwg"`) about 300 times and made up more than
 * half of a report's text, which PostgreSQL stores twice, Kafka carries and the gateway reads on every
 * report (docs/benchmarks.md, "Twenty-second round"). Packed, a figure is a tuple in a fixed order:
 * - shown: `[n, mean, sd, ci95, rwg]` (sd, ci95 and rwg null where the engine gives none);
 * - others' shown figure: the same with the groups it pools last, `[n, mean, sd, ci95, rwg, includes]`;
 * - suppressed: `[n, reason]` (its count and reason only, never a mean, as in the object form).
 * An item is `[itemId, dimensionId, groups, others, gap]`. `unpackReport` gives back the report
 * exactly as the engine's objects had it, and reads a report stored before packing as it is.
 */
const count = z.number().int().nonnegative();
const packedSuppressed = z.tuple([count, z.string()]);
const packedPublished = z.tuple([count, num, num.nullable(), interval.nullable(), num.nullable()]);
const packedOthers = z.tuple([count, num, num.nullable(), interval.nullable(), num.nullable(), z.array(group)]);
const packedItem = z.tuple([
  z.string(),
  z.string(),
  z.partialRecord(group, z.union([packedPublished, packedSuppressed])),
  z.union([packedOthers, packedSuppressed]),
  num.nullable(),
]);
/** Item-level results with each item packed in a row (see above). */
export const packedItemResultsSchema = z.strictObject({
  rows: z.array(packedItem),
  highest: z.array(rankedItem),
  lowest: z.array(rankedItem),
});
/** The report as report.updated v2 sends it and the services store it: its item results packed in rows. */
export const packedReportSchema = scoredReportSchema.extend({ items: packedItemResultsSchema.optional() });

export type PackedReport = z.infer<typeof packedReportSchema>;
export type PackedItemResults = z.infer<typeof packedItemResultsSchema>;
type PackedFigure = z.infer<typeof packedPublished> | z.infer<typeof packedSuppressed>;
type PackedOthers = z.infer<typeof packedOthers> | z.infer<typeof packedSuppressed>;
type ItemResult = ScoredItemResults['items'][number];
type GroupFigure = ItemResult['groups'][keyof ItemResult['groups']] & object;

function packFigure(figure: GroupFigure): PackedFigure {
  return 'suppressed' in figure ? [figure.n, figure.reason] : [figure.n, figure.mean, figure.sd, figure.ci95, figure.rwg];
}

function unpackFigure(figure: PackedFigure | PackedOthers): GroupFigure | ItemResult['others'] {
  if (figure.length === 2) return { suppressed: true, n: figure[0], reason: figure[1] };
  const shown = { n: figure[0], mean: figure[1], sd: figure[2], ci95: figure[3], rwg: figure[4] };
  return figure.length === 6 ? { ...shown, includes: figure[5] } : shown;
}

/**
 * The report as it is sent and stored: its item results packed in rows. A report already packed is
 * returned as it is; one without item results (scored before they existed) too.
 */
export function packReport(report: ScoredReport | PackedReport): PackedReport {
  const items = report.items;
  if (!items || 'rows' in items) return report as PackedReport;
  const rows = items.items.map((item): PackedItemResults['rows'][number] => {
    const groups: Partial<Record<(typeof RATER_GROUPS)[number], PackedFigure>> = {};
    for (const g of Object.keys(item.groups) as (typeof RATER_GROUPS)[number][]) groups[g] = packFigure(item.groups[g]!);
    const others: PackedOthers =
      'suppressed' in item.others
        ? [item.others.n, item.others.reason]
        : [item.others.n, item.others.mean, item.others.sd, item.others.ci95, item.others.rwg, item.others.includes];
    return [item.itemId, item.dimensionId, groups, others, item.gap];
  });
  return { ...report, items: { rows, highest: items.highest, lowest: items.lowest } };
}

/**
 * The report with its item results as objects, as the engine computed them: a packed report (v2,
 * and every report stored since) unpacked, a report stored before packing as it is. Every reader of
 * a stored or received report goes through this.
 */
export function unpackReport(report: ScoredReport | PackedReport): ScoredReport {
  const items = report.items;
  if (!items || !('rows' in items)) return report as ScoredReport;
  const unpacked: ScoredItemResults['items'] = items.rows.map(([itemId, dimensionId, packedGroups, others, gap]) => {
    const groups: ItemResult['groups'] = {};
    for (const g of Object.keys(packedGroups) as (typeof RATER_GROUPS)[number][]) groups[g] = unpackFigure(packedGroups[g]!);
    return { itemId, dimensionId, groups, others: unpackFigure(others) as ItemResult['others'], gap };
  });
  return { ...report, items: { items: unpacked, highest: items.highest, lowest: items.lowest } };
}

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
