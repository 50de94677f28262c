import { z } from 'zod';
import { InstrumentIssue, InstrumentValidationError } from './errors';
import { InstrumentDefinition, RATER_GROUP_VALUES } from './types';

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must contain only letters, digits, ".", "_" or "-" and start with a letter or digit');
const text = z.string().trim().min(1, 'must not be empty');
const raterGroup = z.enum(RATER_GROUP_VALUES);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const instrumentSchema = z.strictObject({
  id,
  version: z.number().int('must be an integer').min(1, 'must be >= 1'),
  name: text,
  description: z.string().optional(),
  changelog: z.array(z.string()).optional(),
  scale: z.strictObject({
    min: z.number().int('must be an integer'),
    max: z.number().int('must be an integer'),
    labels: z.array(text).min(2, 'needs a label per scale point'),
    notAbleToRate: text,
  }),
  dimensions: z.array(z.strictObject({ id, name: text, description: text })).min(1, 'needs at least one dimension'),
  items: z
    .array(
      z.strictObject({
        id,
        dimensionId: z.string(),
        text,
        observers: z.array(raterGroup).min(1, 'needs at least one rater group'),
        reverse: z.boolean().optional(),
      }),
    )
    .min(1, 'needs at least one item'),
  roleProfiles: z.array(
    z.strictObject({
      id,
      name: text,
      description: z.string().optional(),
      targets: z.record(z.string(), finite),
    }),
  ),
  /** the share of its items a rater must answer to count on a dimension; default the scoring policy's (0.5) */
  minItemCoverage: z.number().min(0, 'must be >= 0').max(1, 'must be <= 1').optional(),
  /** the report shows item figures only, never a dimension figure (the follow-up pulse) */
  itemFiguresOnly: z.boolean().optional(),
  transitionRisks: z.array(
    z.strictObject({
      id,
      name: text,
      description: text,
      signals: z
        .array(z.strictObject({ itemId: z.string(), groups: z.array(raterGroup).min(1, 'needs at least one rater group') }))
        .min(1, 'needs at least one signal'),
      rule: z.strictObject({ atOrBelow: finite, minSignals: z.number().int('must be an integer').min(1, 'must be >= 1') }),
    }),
  ),
});

export const MIN_ITEMS_PER_DIMENSION = 3;
export const MAX_ITEMS_PER_DIMENSION = 6;

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function duplicates(list: { id: string }[], where: string, issues: InstrumentIssue[]) {
  const seen = new Map<string, number>();
  list.forEach((x, i) => {
    const first = seen.get(x.id);
    if (first !== undefined)
      issues.push({ path: `${where}[${i}].id`, message: `duplicate id "${x.id}" (first used at ${where}[${first}])` });
    else seen.set(x.id, i);
  });
}

/** Checks that zod cannot express: cross references, counts and ranges. */
export function crossCheck(def: InstrumentDefinition): InstrumentIssue[] {
  const issues: InstrumentIssue[] = [];
  const { min, max, labels } = def.scale;
  if (!(min < max)) issues.push({ path: 'scale', message: `min (${min}) must be below max (${max})` });
  else if (labels.length !== max - min + 1)
    issues.push({ path: 'scale.labels', message: `has ${labels.length} labels but the scale ${min}..${max} has ${max - min + 1} points` });

  duplicates(def.dimensions, 'dimensions', issues);
  duplicates(def.items, 'items', issues);
  duplicates(def.roleProfiles, 'roleProfiles', issues);
  duplicates(def.transitionRisks, 'transitionRisks', issues);

  const dimIds = new Set(def.dimensions.map((d) => d.id));
  const counts = new Map<string, number>();
  def.items.forEach((it, i) => {
    if (!dimIds.has(it.dimensionId))
      issues.push({ path: `items[${i}].dimensionId`, message: `unknown dimension "${it.dimensionId}" in item "${it.id}"` });
    else counts.set(it.dimensionId, (counts.get(it.dimensionId) ?? 0) + 1);
    const dupObs = it.observers.filter((g, j) => it.observers.indexOf(g) !== j);
    if (dupObs.length)
      issues.push({ path: `items[${i}].observers`, message: `rater group "${dupObs[0]}" listed twice in item "${it.id}"` });
  });
  def.dimensions.forEach((d, i) => {
    const n = counts.get(d.id) ?? 0;
    if (n < MIN_ITEMS_PER_DIMENSION || n > MAX_ITEMS_PER_DIMENSION)
      issues.push({
        path: `dimensions[${i}]`,
        message: `dimension "${d.id}" has ${n} items; it needs between ${MIN_ITEMS_PER_DIMENSION} and ${MAX_ITEMS_PER_DIMENSION}`,
      });
  });

  def.roleProfiles.forEach((p, i) => {
    for (const [dimId, target] of Object.entries(p.targets)) {
      if (!dimIds.has(dimId))
        issues.push({ path: `roleProfiles[${i}].targets.${dimId}`, message: `unknown dimension "${dimId}" in role profile "${p.id}"` });
      else if (target < min || target > max)
        issues.push({ path: `roleProfiles[${i}].targets.${dimId}`, message: `target ${target} is outside the scale ${min}..${max}` });
    }
    for (const d of def.dimensions)
      if (!Object.prototype.hasOwnProperty.call(p.targets, d.id))
        issues.push({ path: `roleProfiles[${i}].targets`, message: `role profile "${p.id}" has no target for dimension "${d.id}"` });
  });

  const itemsById = new Map(def.items.map((it) => [it.id, it]));
  def.transitionRisks.forEach((r, i) => {
    r.signals.forEach((s, j) => {
      const it = itemsById.get(s.itemId);
      if (!it) {
        issues.push({
          path: `transitionRisks[${i}].signals[${j}].itemId`,
          message: `risk "${r.id}" references unknown item "${s.itemId}"`,
        });
        return;
      }
      for (const g of s.groups)
        if (!it.observers.includes(g))
          issues.push({
            path: `transitionRisks[${i}].signals[${j}].groups`,
            message: `risk "${r.id}" reads item "${it.id}" through group "${g}", which does not observe that item`,
          });
    });
    if (r.rule.minSignals > r.signals.length)
      issues.push({
        path: `transitionRisks[${i}].rule.minSignals`,
        message: `minSignals ${r.rule.minSignals} exceeds the ${r.signals.length} signals of risk "${r.id}"`,
      });
    if (r.rule.atOrBelow < min || r.rule.atOrBelow > max)
      issues.push({
        path: `transitionRisks[${i}].rule.atOrBelow`,
        message: `threshold ${r.rule.atOrBelow} is outside the scale ${min}..${max}`,
      });
  });
  return issues;
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/**
 * Validates an instrument definition (zod shape + cross-reference checks) and returns a deeply
 * frozen copy. Throws InstrumentValidationError naming the path and the problem of every issue.
 */
export function parseInstrument(json: unknown, source?: string): InstrumentDefinition {
  const parsed = instrumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new InstrumentValidationError(
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
      source,
    );
  }
  const def = parsed.data;
  const issues = crossCheck(def);
  if (issues.length) throw new InstrumentValidationError(issues, source ?? `${def.id} v${def.version}`);
  return deepFreeze(def);
}
