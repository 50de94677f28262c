/** buildSubjectReport: everything a subject's report shows, computed only from published aggregates. */
import { ScoringInputError } from './errors';
import { hash53 } from './hash';
import { itemFiguresOf, itemResultsOf, ItemResults } from './items';
import { GROUP_INDEX, isRaterGroup, PreparedInstrument, prepareInstrument, resolvePolicy, validateTargets } from './prepare';
import { scoreSubjectInternal } from './score-subject';
import { tQuantile975 } from './stats';
import {
  DimensionScores,
  isPublished,
  Published,
  RATER_GROUPS,
  RaterGroup,
  RoleProfile,
  ScoreSubjectInput,
  SubjectScores,
  TransitionRiskDefinition,
} from './types';

export interface SubjectComment {
  raterId: string;
  group: RaterGroup;
  /** the dimension the comment is about; absent = general comment */
  dimensionId?: string;
  text: string;
}

/** Report-level options (all optional). */
export interface ReportOptions {
  /** how many strengths / development areas to list per ranking; default 3 */
  topN: number;
  /** a self-other gap must be at least this large (in scale points) to count; default 0.5 */
  minGap: number;
  /** rwg below this flags low agreement; default 0.5 */
  lowAgreementRwg: number;
  /** a dimension "meets" a profile target when fit >= -readinessTolerance; default 0.25 */
  readinessTolerance: number;
  /** share of assessed dimensions that must meet target for "ready"; default 0.8 */
  readyShare: number;
  /** no dimension may fall further below target than this for "ready"; default 1 */
  maxShortfallForReady: number;
  /** profile used for fit when `expectations` is not given; default the first role profile */
  primaryProfileId?: string;
  /** also show comments of exempt groups (self, manager) below the threshold; default false */
  showExemptGroupComments: boolean;
  /** how many items to list as highest / lowest; default 5 */
  topItems?: number;
}

export const DEFAULT_REPORT_OPTIONS: Readonly<ReportOptions> = Object.freeze({
  topN: 3,
  minGap: 0.5,
  lowAgreementRwg: 0.5,
  readinessTolerance: 0.25,
  readyShare: 0.8,
  maxShortfallForReady: 1,
  showExemptGroupComments: false,
  topItems: 5,
});

export interface BuildSubjectReportInput extends ScoreSubjectInput {
  /** profiles to read readiness against; default instrument.roleProfiles */
  roleProfiles?: RoleProfile[];
  /** risk definitions; default instrument.transitionRisks */
  transitionRisks?: TransitionRiskDefinition[];
  comments?: SubjectComment[];
  /** seed of the deterministic comment order (e.g. subject id + cycle id) */
  seed?: string;
  /** alias of seed */
  shuffleKey?: string;
  options?: Partial<ReportOptions>;
}

export interface OverallScore {
  /** mean of the published `others` dimension means (each dimension weighs the same) */
  others: number | null;
  /** mean of the published self dimension means */
  self: number | null;
  /** mean of the dimension gaps that are not null */
  gap: number | null;
  /** mean of the dimension fits that are not null */
  fit: number | null;
  /** dimensions whose `others` is published (the ones in `others`) */
  dimensionsIncluded: number;
  dimensionsTotal: number;
}

export interface RankedDimension {
  dimensionId: string;
  others: number;
  target: number | null;
  fit: number | null;
}

export interface Ranking {
  /** by others' mean (strengths: highest first; development areas: lowest first) */
  byMean: RankedDimension[];
  /** by fit to the target (strengths: fit >= 0, largest first; development areas: fit < 0, largest shortfall first) */
  byFit: RankedDimension[];
  /** where the targets came from: 'expectations', a role profile id, or null when there are none */
  fitBasis: string | null;
}

export interface GapFinding {
  dimensionId: string;
  self: number;
  others: number;
  /** self - others */
  gap: number;
  /** 95% interval of the gap (Welch; with a single self rating it is the others' interval, mirrored) */
  ci95: [number, number];
}

export interface AgreementFlag {
  dimensionId: string;
  scope: 'others' | RaterGroup;
  rwg: number;
  n: number;
}

export interface RiskSignalResult {
  itemId: string;
  /** groups whose answers were used (published on the item's dimension and large enough on the item) */
  groupsUsed: RaterGroup[];
  n: number;
  mean: number | null;
  /** null when no eligible data */
  on: boolean | null;
}

export interface TransitionRiskResult {
  id: string;
  name: string;
  status: 'flagged' | 'clear' | 'insufficient-data';
  signalsOn: number;
  signalsEvaluated: number;
  minSignals: number;
  signals: RiskSignalResult[];
}

export interface ReadinessDimension {
  dimensionId: string;
  target: number;
  others: number | null;
  fit: number | null;
  meets: boolean | null;
}

export interface Readiness {
  profileId: string;
  name: string;
  status: 'ready' | 'developing' | 'not-yet' | 'insufficient-data';
  /** dimensions with a target */
  targeted: number;
  /** dimensions with a target and a published others mean */
  assessed: number;
  meets: number;
  /** meets / assessed, null when nothing is assessed */
  share: number | null;
  meanFit: number | null;
  dimensions: ReadinessDimension[];
  /** up to topN dimensions furthest below target */
  largestShortfalls: ReadinessDimension[];
}

export interface ShownComment {
  text: string;
  group: RaterGroup;
  dimensionId: string | null;
}

export interface SubjectReport {
  scores: SubjectScores;
  overall: OverallScore;
  strengths: Ranking;
  developmentAreas: Ranking;
  blindSpots: GapFinding[];
  hiddenStrengths: GapFinding[];
  lowAgreement: AgreementFlag[];
  transitionRisks: TransitionRiskResult[];
  readiness: Readiness[];
  comments: ShownComment[];
  /** item-level results (others by item with interval and n, by group where published, self vs others) */
  items: ItemResults;
}

function resolveOptions(o: Partial<ReportOptions> | undefined): ReportOptions {
  const r: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...(o ?? {}) };
  const pos = (k: keyof ReportOptions) => {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new ScoringInputError(`options.${k} must be a finite number >= 0, got ${String(v)}`);
  };
  if (!Number.isInteger(r.topN) || r.topN < 0) throw new ScoringInputError(`options.topN must be an integer >= 0, got ${String(r.topN)}`);
  if (!Number.isInteger(r.topItems) || r.topItems! < 0)
    throw new ScoringInputError(`options.topItems must be an integer >= 0, got ${String(r.topItems)}`);
  pos('minGap');
  pos('lowAgreementRwg');
  pos('readinessTolerance');
  pos('readyShare');
  pos('maxShortfallForReady');
  if (typeof r.showExemptGroupComments !== 'boolean') throw new ScoringInputError('options.showExemptGroupComments must be a boolean');
  return r;
}

/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access --
   These validators take input from outside (JSON, other teams' code) and check each value's type before using it. */
function validateProfiles(profiles: unknown, inst: PreparedInstrument): RoleProfile[] {
  if (profiles === undefined) return [];
  if (!Array.isArray(profiles)) throw new ScoringInputError('roleProfiles must be an array');
  const seen = new Set<string>();
  profiles.forEach((p, i) => {
    if (!p || typeof p.id !== 'string' || p.id === '') throw new ScoringInputError(`roleProfiles[${i}].id must be a non-empty string`);
    if (seen.has(p.id)) throw new ScoringInputError(`roleProfiles: duplicate profile id "${p.id}"`);
    seen.add(p.id);
    if (typeof p.name !== 'string') throw new ScoringInputError(`role profile "${p.id}": name must be a string`);
    validateTargets(p.targets, inst, `role profile "${p.id}" targets`);
  });
  return profiles as RoleProfile[];
}

function validateRisks(risks: unknown, inst: PreparedInstrument): TransitionRiskDefinition[] {
  if (risks === undefined) return [];
  if (!Array.isArray(risks)) throw new ScoringInputError('transitionRisks must be an array');
  const seen = new Set<string>();
  risks.forEach((r, i) => {
    if (!r || typeof r.id !== 'string' || r.id === '') throw new ScoringInputError(`transitionRisks[${i}].id must be a non-empty string`);
    if (seen.has(r.id)) throw new ScoringInputError(`transitionRisks: duplicate risk id "${r.id}"`);
    seen.add(r.id);
    if (!Array.isArray(r.signals) || r.signals.length === 0)
      throw new ScoringInputError(`transition risk "${r.id}": signals must be a non-empty array`);
    r.signals.forEach((s: { itemId: unknown; groups: unknown }, j: number) => {
      if (typeof s?.itemId !== 'string' || !inst.itemIndex.has(s.itemId))
        throw new ScoringInputError(`transition risk "${r.id}" signal ${j}: unknown item ${JSON.stringify(s?.itemId)}`);
      if (!Array.isArray(s.groups) || s.groups.length === 0)
        throw new ScoringInputError(`transition risk "${r.id}" signal ${j}: groups must be a non-empty array`);
      for (const g of s.groups)
        if (!isRaterGroup(g))
          throw new ScoringInputError(`transition risk "${r.id}" signal ${j}: unknown rater group ${JSON.stringify(g)}`);
    });
    const rule = r.rule;
    if (!rule || typeof rule.atOrBelow !== 'number' || !Number.isFinite(rule.atOrBelow))
      throw new ScoringInputError(`transition risk "${r.id}": rule.atOrBelow must be a finite number`);
    if (!Number.isInteger(rule.minSignals) || rule.minSignals < 1 || rule.minSignals > r.signals.length)
      throw new ScoringInputError(
        `transition risk "${r.id}": rule.minSignals must be an integer between 1 and ${r.signals.length}, got ${String(rule.minSignals)}`,
      );
  });
  return risks as TransitionRiskDefinition[];
}

function validateComments(comments: unknown, inst: PreparedInstrument, groupOf: Map<string, number>): SubjectComment[] {
  if (comments === undefined) return [];
  if (!Array.isArray(comments)) throw new ScoringInputError('comments must be an array');
  comments.forEach((c, i) => {
    if (!c || typeof c !== 'object') throw new ScoringInputError(`comments[${i}] is not an object`);
    if (typeof c.raterId !== 'string' || c.raterId === '') throw new ScoringInputError(`comments[${i}].raterId must be a non-empty string`);
    if (!isRaterGroup(c.group)) throw new ScoringInputError(`comment of rater "${c.raterId}": unknown group ${JSON.stringify(c.group)}`);
    const g = groupOf.get(c.raterId);
    if (g !== undefined && g !== GROUP_INDEX[c.group as RaterGroup])
      throw new ScoringInputError(
        `comment of rater "${c.raterId}": group "${c.group}" differs from the rater's response group "${RATER_GROUPS[g]}"`,
      );
    if (c.dimensionId !== undefined && !inst.dimIndex.has(c.dimensionId))
      throw new ScoringInputError(`comment of rater "${c.raterId}": unknown dimension ${JSON.stringify(c.dimensionId)}`);
    if (typeof c.text !== 'string') throw new ScoringInputError(`comment of rater "${c.raterId}": text must be a string`);
  });
  return comments as SubjectComment[];
}
/* eslint-enable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */

const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * The full report of one subject. Every number in it is computed from the published aggregates of
 * `scores` (or, for risk signals, from groups that are themselves published); nothing reads a
 * suppressed group. Pure and deterministic: the same input gives the same report, whatever the
 * order of responses or comments.
 */
export function buildSubjectReport(input: BuildSubjectReportInput): SubjectReport {
  if (!input || typeof input !== 'object') throw new ScoringInputError('buildSubjectReport: input must be an object');
  const options = resolveOptions(input.options);
  const inst = prepareInstrument(input.instrument);
  const basePolicy = resolvePolicy(input.policy, input.instrument);
  const profiles = validateProfiles(input.roleProfiles ?? input.instrument.roleProfiles, inst);
  const risks = validateRisks(input.transitionRisks ?? input.instrument.transitionRisks, inst);

  // Fit basis: explicit expectations, else the primary role profile.
  let fitBasis: string | null = null;
  let expectations = input.expectations;
  if (options.primaryProfileId !== undefined && !profiles.some((p) => p.id === options.primaryProfileId))
    throw new ScoringInputError(`options.primaryProfileId: unknown role profile "${options.primaryProfileId}"`);
  if (expectations !== undefined) fitBasis = 'expectations';
  else if (profiles.length > 0) {
    const primary = options.primaryProfileId === undefined ? profiles[0] : profiles.find((p) => p.id === options.primaryProfileId)!;
    fitBasis = primary.id;
    expectations = primary.targets;
  }
  const scored = scoreSubjectInternal({ ...input, expectations }, { inst, policy: basePolicy });
  const { scores, raters, policy } = scored;
  const dims = scores.dimensions;
  const order = new Map(inst.dimensionIds.map((id, i) => [id, i]));

  // Overall.
  const othersMeans: number[] = [];
  const selfMeans: number[] = [];
  const gaps: number[] = [];
  const fits: number[] = [];
  for (const d of dims) {
    if (isPublished(d.others)) othersMeans.push(d.others.mean);
    const s = d.groups.self;
    if (isPublished(s)) selfMeans.push(s.mean);
    if (d.gap !== null) gaps.push(d.gap);
    if (d.expectation) fits.push(d.expectation.fit);
  }
  const overall: OverallScore = {
    others: avg(othersMeans),
    self: avg(selfMeans),
    gap: avg(gaps),
    fit: avg(fits),
    dimensionsIncluded: othersMeans.length,
    dimensionsTotal: dims.length,
  };

  // Strengths and development areas.
  const ranked: RankedDimension[] = [];
  for (const d of dims)
    if (isPublished(d.others))
      ranked.push({
        dimensionId: d.dimensionId,
        others: d.others.mean,
        target: d.expectation?.target ?? null,
        fit: d.expectation?.fit ?? null,
      });
  const byDimOrder = (a: RankedDimension, b: RankedDimension) => order.get(a.dimensionId)! - order.get(b.dimensionId)!;
  const desc = [...ranked].sort((a, b) => b.others - a.others || byDimOrder(a, b));
  const strengthsByMean = desc.slice(0, options.topN);
  const strongIds = new Set(strengthsByMean.map((r) => r.dimensionId));
  const devByMean = [...ranked]
    .sort((a, b) => a.others - b.others || byDimOrder(a, b))
    .filter((r) => !strongIds.has(r.dimensionId))
    .slice(0, options.topN);
  const withFit = ranked.filter((r) => r.fit !== null);
  const strengthsByFit = withFit
    .filter((r) => r.fit! >= 0)
    .sort((a, b) => b.fit! - a.fit! || byDimOrder(a, b))
    .slice(0, options.topN);
  const devByFit = withFit
    .filter((r) => r.fit! < 0)
    .sort((a, b) => a.fit! - b.fit! || byDimOrder(a, b))
    .slice(0, options.topN);

  // Blind spots and hidden strengths.
  const blindSpots: GapFinding[] = [];
  const hiddenStrengths: GapFinding[] = [];
  for (const d of dims) {
    const self = d.groups.self;
    if (d.gap === null || !isPublished(self) || !isPublished(d.others)) continue;
    const ci = gapInterval(self, d.others, policy.othersMean);
    if (!ci) continue;
    const f: GapFinding = { dimensionId: d.dimensionId, self: self.mean, others: d.others.mean, gap: d.gap, ci95: ci };
    if (d.gap >= options.minGap && ci[0] > 0) blindSpots.push(f);
    else if (d.gap <= -options.minGap && ci[1] < 0) hiddenStrengths.push(f);
  }
  const byAbsGap = (a: GapFinding, b: GapFinding) =>
    Math.abs(b.gap) - Math.abs(a.gap) || order.get(a.dimensionId)! - order.get(b.dimensionId)!;
  blindSpots.sort(byAbsGap);
  hiddenStrengths.sort(byAbsGap);

  // Low agreement.
  const lowAgreement: AgreementFlag[] = [];
  for (const d of dims) {
    if (isPublished(d.others) && d.others.rwg !== null && d.others.rwg < options.lowAgreementRwg)
      lowAgreement.push({ dimensionId: d.dimensionId, scope: 'others', rwg: d.others.rwg, n: d.others.n });
    for (const g of RATER_GROUPS) {
      if (g === 'self') continue;
      const p = d.groups[g];
      if (isPublished(p) && p.rwg !== null && p.rwg < options.lowAgreementRwg)
        lowAgreement.push({ dimensionId: d.dimensionId, scope: g, rwg: p.rwg, n: p.n });
    }
  }

  // Transition risks: only groups published on the item's dimension and on the item itself (the
  // item figures' rule, `itemFiguresOf`: at least minGroupSize answers from raters who answered the
  // same items), so a signal's mean is a combination of figures the report shows anyway.
  const itemFigures = itemFiguresOf(scored);
  const exempt = new Set(policy.exemptGroups);
  const transitionRisks: TransitionRiskResult[] = risks.map((risk) => {
    const signals: RiskSignalResult[] = risk.signals.map((sig) => {
      const it = inst.itemIndex.get(sig.itemId)!;
      const d = inst.itemDim[it];
      const dimScores = dims[d];
      const used: RaterGroup[] = [];
      let sum = 0;
      let n = 0;
      for (const g of RATER_GROUPS) {
        if (!sig.groups.includes(g)) continue;
        const gi = GROUP_INDEX[g];
        if (!isPublished(dimScores.groups[g]) || !itemFigures[it].published[gi]) continue;
        const answered = itemFigures[it].answered[gi];
        const c = answered.length;
        let s = 0;
        for (const r of answered) s += raters[r].values[it];
        used.push(g);
        sum += s;
        n += c;
      }
      const mean = n > 0 ? sum / n : null;
      return { itemId: sig.itemId, groupsUsed: used, n, mean, on: mean === null ? null : mean <= risk.rule.atOrBelow };
    });
    const evaluated = signals.filter((s) => s.on !== null).length;
    const on = signals.filter((s) => s.on === true).length;
    const status: TransitionRiskResult['status'] =
      on >= risk.rule.minSignals ? 'flagged' : evaluated >= risk.rule.minSignals ? 'clear' : 'insufficient-data';
    return { id: risk.id, name: risk.name, status, signalsOn: on, signalsEvaluated: evaluated, minSignals: risk.rule.minSignals, signals };
  });

  // Readiness against every profile.
  const readiness: Readiness[] = profiles.map((p) => {
    const rows: ReadinessDimension[] = [];
    for (const d of dims) {
      if (!Object.prototype.hasOwnProperty.call(p.targets, d.dimensionId)) continue;
      const target = p.targets[d.dimensionId];
      const others = isPublished(d.others) ? d.others.mean : null;
      const fit = others === null ? null : others - target;
      rows.push({ dimensionId: d.dimensionId, target, others, fit, meets: fit === null ? null : fit >= -options.readinessTolerance });
    }
    const assessed = rows.filter((r) => r.fit !== null);
    const meets = assessed.filter((r) => r.meets).length;
    const share = assessed.length ? meets / assessed.length : null;
    const worst = assessed.length ? Math.min(...assessed.map((r) => r.fit!)) : 0;
    let status: Readiness['status'];
    if (assessed.length === 0 || assessed.length * 2 < rows.length) status = 'insufficient-data';
    else if (share! >= options.readyShare && worst >= -options.maxShortfallForReady) status = 'ready';
    else if (share! >= 0.5) status = 'developing';
    else status = 'not-yet';
    const largestShortfalls = assessed
      .filter((r) => r.fit! < 0)
      .sort((a, b) => a.fit! - b.fit! || order.get(a.dimensionId)! - order.get(b.dimensionId)!)
      .slice(0, options.topN);
    return {
      profileId: p.id,
      name: p.name,
      status,
      targeted: rows.length,
      assessed: assessed.length,
      meets,
      share,
      meanFit: avg(assessed.map((r) => r.fit!)),
      dimensions: rows,
      largestShortfalls,
    };
  });

  // Comments: only from groups with at least commentThreshold respondents (policy.commentThreshold,
  // default minGroupSize); no rater id; keyed order.
  const groupOf = new Map<string, number>();
  const respondents = new Array<number>(6).fill(0);
  for (const r of raters) {
    groupOf.set(r.raterId, r.group);
    respondents[r.group]++;
  }
  const comments = validateComments(input.comments, inst, groupOf);
  const seed = input.seed ?? input.shuffleKey ?? '';
  if (typeof seed !== 'string') throw new ScoringInputError('seed/shuffleKey must be a string');
  const shown: (ShownComment & { key: number })[] = [];
  for (const c of comments) {
    const text = c.text.trim();
    if (text === '') continue;
    const gi = GROUP_INDEX[c.group];
    const allowed =
      respondents[gi] >= policy.commentThreshold || (options.showExemptGroupComments && exempt.has(c.group) && respondents[gi] > 0);
    if (!allowed) continue;
    const dimensionId = c.dimensionId ?? null;
    shown.push({ text, group: c.group, dimensionId, key: hash53(`${seed}\u0000${c.group}\u0000${dimensionId ?? ''}\u0000${text}`) });
  }
  shown.sort(
    (a, b) =>
      a.key - b.key ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
      GROUP_INDEX[a.group] - GROUP_INDEX[b.group] ||
      (a.dimensionId ?? '').localeCompare(b.dimensionId ?? ''),
  );

  return {
    scores,
    overall,
    strengths: { byMean: strengthsByMean, byFit: strengthsByFit, fitBasis },
    developmentAreas: { byMean: devByMean, byFit: devByFit, fitBasis },
    blindSpots,
    hiddenStrengths,
    lowAgreement,
    transitionRisks,
    readiness,
    comments: shown.map(({ text, group, dimensionId }) => ({ text, group, dimensionId })),
    items: itemResultsOf(scored, options.topItems!, itemFigures),
  };
}

/**
 * 95% interval of self − others. Each side contributes its standard error (self: sd/√n, 0 for a
 * single self rating; others: from its published interval) and Welch–Satterthwaite degrees of freedom.
 */
export function gapInterval(
  self: Published,
  others: Published & { includes: RaterGroup[] },
  method: 'pooled' | 'mean-of-groups',
): [number, number] | null {
  if (!others.ci95) return null;
  const dfO = method === 'mean-of-groups' && others.includes.length > 1 ? others.n - others.includes.length : others.n - 1;
  if (dfO < 1) return null;
  const seO = (others.ci95[1] - others.ci95[0]) / 2 / tQuantile975(dfO);
  const gap = self.mean - others.mean;
  let se: number;
  let df: number;
  if (self.n >= 2 && self.sd !== null) {
    const vS = (self.sd * self.sd) / self.n;
    const vO = seO * seO;
    se = Math.sqrt(vS + vO);
    const dfS = self.n - 1;
    const denom = (vS * vS) / dfS + (vO * vO) / dfO;
    df = denom > 0 ? ((vS + vO) * (vS + vO)) / denom : dfO;
    if (!(df >= 1)) df = 1;
  } else {
    se = seO;
    df = dfO;
  }
  const half = tQuantile975(df) * se;
  return [gap - half, gap + half];
}

export type { DimensionScores };
