/**
 * Projected reliability of a rater group's mean before launch, by the Spearman–Brown prophecy
 * formula: the reliability of the mean of k raters whose single-rater reliability is r is
 *   ρk = k·r / (1 + (k − 1)·r).
 * The single-rater reliability is the organisation's own ICC(1) for the group when it was computed
 * over enough subjects, else a published value (Conway & Huffcutt 1997).
 */
import { ScoringInputError } from './errors';
import { isRaterGroup } from './prepare';
import { DEFAULT_POLICY, RATER_GROUPS, RaterGroup } from './types';

/** Spearman–Brown: reliability of the mean of k parallel ratings with single-rating reliability r1. */
export function spearmanBrown(r1: number, k: number): number {
  if (typeof r1 !== 'number' || !Number.isFinite(r1) || r1 <= -1 || r1 > 1)
    throw new ScoringInputError(`spearmanBrown: single-rater reliability must be in (-1, 1], got ${String(r1)}`);
  if (typeof k !== 'number' || !Number.isFinite(k) || k <= 0)
    throw new ScoringInputError(`spearmanBrown: k must be a number > 0, got ${String(k)}`);
  return (k * r1) / (1 + (k - 1) * r1);
}

/** The smallest whole number of raters whose mean reaches `target` reliability; null when r1 <= 0. */
export function ratersForReliability(r1: number, target: number): number | null {
  if (typeof target !== 'number' || !(target > 0 && target < 1))
    throw new ScoringInputError(`target reliability must be in (0, 1), got ${String(target)}`);
  spearmanBrown(r1, 1);
  if (r1 <= 0) return null;
  if (r1 >= target) return 1;
  // k = target(1 − r1) / (r1(1 − target)); rounded up, guarding against 3.0000000000000004.
  const k = (target * (1 - r1)) / (r1 * (1 - target));
  const c = Math.ceil(k - 1e-9);
  return c < 1 ? 1 : c;
}

export interface SingleRaterReliability {
  value: number;
  source: string;
}

/**
 * Published single-rater reliabilities (interrater reliability of one rater's job-performance
 * rating), Conway & Huffcutt (1997), Human Performance 10(4), 331–360: supervisor .50, peer .37,
 * subordinate .30. A skip-level manager rates from above and takes the supervisor value; no
 * published value is used for `other` (customers, partners) or `self`.
 */
export const PUBLISHED_SINGLE_RATER_RELIABILITY: Readonly<Partial<Record<RaterGroup, SingleRaterReliability>>> = Object.freeze({
  manager: { value: 0.5, source: 'Conway & Huffcutt (1997): supervisors .50' },
  skip_level: { value: 0.5, source: 'Conway & Huffcutt (1997): supervisors .50 (a skip-level manager rates from above)' },
  peer: { value: 0.37, source: 'Conway & Huffcutt (1997): peers .37' },
  direct_report: { value: 0.3, source: 'Conway & Huffcutt (1997): subordinates .30' },
});

export type ReliabilityWarningCode = 'below-threshold' | 'exactly-threshold' | 'below-target';

export interface ReliabilityWarning {
  code: ReliabilityWarningCode;
  message: string;
}

export interface GroupProjection {
  group: RaterGroup;
  invited: number;
  /** the single-rater reliability used; null when none is known for the group */
  singleRater: number | null;
  source: 'organisation' | 'published' | 'none';
  sourceNote: string;
  /** Spearman–Brown projection for all invited raters answering; null without a single-rater value */
  projected: number | null;
  /** raters needed to reach the target; null without a (positive) single-rater value */
  ratersForTarget: number | null;
  warnings: ReliabilityWarning[];
}

export interface OrganisationIcc {
  /** ICC(1) of one rater of the group (e.g. the mean over dimensions from scoreCycle) */
  icc1: number | null;
  /** subjects it was computed over (subjects with at least one rater of the group) */
  subjects: number;
}

export interface ProjectReliabilityInput {
  /** raters invited per group for one subject */
  invited: Partial<Record<RaterGroup, number>>;
  /** the organisation's own ICC(1) per group (from an earlier cycle's scoreCycle) */
  organisationIcc?: Partial<Record<RaterGroup, OrganisationIcc>>;
  minGroupSize?: number;
  exemptGroups?: RaterGroup[];
  /** default .70 */
  target?: number;
  /** own ICC(1) is used only when computed over at least this many subjects; default 30 (Koo & Li 2016) */
  minSubjectsForOwnIcc?: number;
}

export const DEFAULT_RELIABILITY_TARGET = 0.7;
export const DEFAULT_MIN_SUBJECTS_FOR_OWN_ICC = 30;

/**
 * Projected reliability per rater group of one subject, from the number invited (self is not
 * projected). Warnings: a non-exempt group invited below the threshold (it will be suppressed), at
 * exactly the threshold (one non-response suppresses it), or projecting below the target.
 */
export function projectReliability(input: ProjectReliabilityInput): GroupProjection[] {
  if (!input || typeof input !== 'object' || !input.invited || typeof input.invited !== 'object')
    throw new ScoringInputError('projectReliability: invited must be an object of rater group -> number invited');
  const min = input.minGroupSize ?? DEFAULT_POLICY.minGroupSize;
  if (!Number.isInteger(min) || min < 1) throw new ScoringInputError(`minGroupSize must be an integer >= 1, got ${String(min)}`);
  const exempt = new Set(input.exemptGroups ?? DEFAULT_POLICY.exemptGroups);
  const target = input.target ?? DEFAULT_RELIABILITY_TARGET;
  if (!(target > 0 && target < 1)) throw new ScoringInputError(`target must be in (0, 1), got ${String(target)}`);
  const minSubjects = input.minSubjectsForOwnIcc ?? DEFAULT_MIN_SUBJECTS_FOR_OWN_ICC;
  if (!Number.isInteger(minSubjects) || minSubjects < 2)
    throw new ScoringInputError(`minSubjectsForOwnIcc must be an integer >= 2, got ${String(minSubjects)}`);
  for (const [g, n] of Object.entries(input.invited)) {
    if (!isRaterGroup(g)) throw new ScoringInputError(`invited: unknown rater group "${g}"`);
    if (!Number.isInteger(n) || n < 0) throw new ScoringInputError(`invited.${g} must be an integer >= 0, got ${String(n)}`);
  }
  const out: GroupProjection[] = [];
  for (const group of RATER_GROUPS) {
    if (group === 'self') continue;
    const invited = input.invited[group] ?? 0;
    if (invited === 0) continue;
    const own = input.organisationIcc?.[group];
    let singleRater: number | null = null;
    let source: GroupProjection['source'] = 'none';
    let sourceNote: string;
    if (own && own.icc1 !== null && Number.isFinite(own.icc1) && own.icc1 > 0 && own.subjects >= minSubjects) {
      singleRater = Math.min(own.icc1, 1);
      source = 'organisation';
      sourceNote = `this organisation's ICC(1) for ${group} raters over ${own.subjects} subjects`;
    } else if (PUBLISHED_SINGLE_RATER_RELIABILITY[group]) {
      singleRater = PUBLISHED_SINGLE_RATER_RELIABILITY[group].value;
      source = 'published';
      sourceNote =
        PUBLISHED_SINGLE_RATER_RELIABILITY[group].source +
        (own
          ? ` (own ICC(1) not used: ${own.icc1 === null || !(own.icc1 > 0) ? 'not positive' : `only ${own.subjects} subjects, needs ${minSubjects}`})`
          : '');
    } else sourceNote = `no published single-rater reliability for ${group} raters and not enough own data`;
    const projected = singleRater === null ? null : spearmanBrown(singleRater, invited);
    const warnings: ReliabilityWarning[] = [];
    if (!exempt.has(group) && invited < min)
      warnings.push({
        code: 'below-threshold',
        message: `${invited} ${group} raters invited, fewer than the anonymity threshold of ${min}: this group will not be shown`,
      });
    else if (!exempt.has(group) && invited === min)
      warnings.push({ code: 'exactly-threshold', message: `exactly ${min} ${group} raters invited: one non-response hides this group` });
    if (projected !== null && projected < target)
      warnings.push({ code: 'below-target', message: `projected reliability ${projected.toFixed(2)} is below ${target.toFixed(2)}` });
    out.push({
      group,
      invited,
      singleRater,
      source,
      sourceNote,
      projected,
      ratersForTarget: singleRater === null ? null : ratersForReliability(singleRater, target),
      warnings,
    });
  }
  return out;
}
