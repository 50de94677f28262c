/**
 * Public types of @leaderscope/scoring. The names and meanings of the contract types
 * (RaterGroup, Item, Instrument, RaterResponse, Policy, Published, Suppressed, DimensionScores,
 * SubjectScores) follow /work/shared/notes/scoring-contract.md exactly.
 */

import { RATER_GROUPS as VOCABULARY_RATER_GROUPS, type RaterGroup } from '@leaderscope/vocabulary';

/** 'self' | 'manager' | 'peer' | 'direct_report' | 'skip_level' | 'other', defined once in @leaderscope/vocabulary. */
export type { RaterGroup };
// direction: manager = up; peer and other = lateral; direct_report and skip_level = down

/** The six rater groups, in a fixed display order. */
export const RATER_GROUPS: readonly RaterGroup[] = Object.freeze([...VOCABULARY_RATER_GROUPS]);

export interface Item {
  id: string;
  dimensionId: string;
  reverse?: boolean;
  /** Groups asked this item; absent = every group. */
  observers?: RaterGroup[];
}

/** A role profile: a target level per dimension for one role (e.g. leader of leaders). */
export interface RoleProfile {
  id: string;
  name: string;
  /** dimensionId -> target level on the instrument's scale. */
  targets: Record<string, number>;
}

/** One signal of a transition risk: an item, read through the given rater groups. */
export interface RiskSignal {
  itemId: string;
  groups: RaterGroup[];
}

/**
 * A transition-risk flag as data. A signal is "on" when the item's mean (after reverse scoring,
 * so lower is always worse) over the eligible raters of its groups is at or below
 * `rule.atOrBelow`. The flag fires when at least `rule.minSignals` signals are on.
 */
export interface TransitionRiskDefinition {
  id: string;
  name: string;
  description?: string;
  signals: RiskSignal[];
  rule: { atOrBelow: number; minSignals: number };
}

export interface Instrument {
  /** e.g. 1..5 */
  scale: { min: number; max: number };
  dimensions: { id: string }[];
  items: Item[];
  /** Optional extra data an instrument may carry; scoring reads it in buildSubjectReport. */
  roleProfiles?: RoleProfile[];
  transitionRisks?: TransitionRiskDefinition[];
  /**
   * Optional: the instrument's default `policy.minItemCoverage` (a policy that sets it wins). The
   * follow-up pulse sets 0: its raters answer only the slots of the leader's plan by design.
   */
  minItemCoverage?: number;
  /**
   * Optional: the instrument's report shows its items only, never a dimension figure (the follow-up
   * pulse: a result per focus area, one slot item each). Item figures then need no uniform raters
   * (`itemFiguresOf`) and the disclosure rule counts only the item figures (and comments).
   */
  itemFiguresOnly?: boolean;
}

export interface RaterResponse {
  raterId: string;
  group: RaterGroup;
  /** null or absent = "not able to rate" */
  answers: Record<string, number | null>;
}

/** How `others` combines its groups (contract rule 6). */
export type OthersMeanMethod = 'pooled' | 'mean-of-groups';

export interface Policy {
  /** default 3 */
  minGroupSize: number;
  /** default ['self', 'manager'] */
  exemptGroups: RaterGroup[];
  /** default 0.5 */
  minItemCoverage: number;
  /** Extension (optional): how `others.mean` is formed; default 'pooled'. */
  othersMean?: OthersMeanMethod;
  /**
   * Extension (optional): the stricter threshold for comments. A non-exempt group's comments are
   * shown only with at least this many respondents (and their set of respondents, a figure of the
   * disclosure rule, only ever changes by at least this many). At least `minGroupSize`; default
   * `minGroupSize`.
   */
  commentThreshold?: number;
}

export interface Published {
  n: number;
  mean: number;
  sd: number | null;
  ci95: [number, number] | null;
  rwg: number | null;
}

export interface Suppressed {
  suppressed: true;
  n: number;
  reason: string;
}

export interface DimensionScores {
  dimensionId: string;
  /** every group with >= 1 counted rater */
  groups: Partial<Record<RaterGroup, Published | Suppressed>>;
  /** non-self raters */
  others: (Published & { includes: RaterGroup[] }) | Suppressed;
  /** self.mean - others.mean when both are published */
  gap: number | null;
  /** fit = others.mean - target */
  expectation: { target: number; fit: number } | null;
}

export interface SubjectScores {
  dimensions: DimensionScores[];
}

export interface ScoreSubjectInput {
  instrument: Instrument;
  responses: RaterResponse[];
  policy?: Partial<Policy>;
  /** dimensionId -> target level on the scale */
  expectations?: Record<string, number>;
}

export const DEFAULT_POLICY: Readonly<Required<Omit<Policy, 'commentThreshold'>>> = Object.freeze({
  minGroupSize: 3,
  exemptGroups: Object.freeze(['self', 'manager']) as unknown as RaterGroup[],
  minItemCoverage: 0.5,
  othersMean: 'pooled',
});

export function isPublished(x: Published | Suppressed | undefined | null): x is Published {
  return !!x && (x as Suppressed).suppressed !== true;
}
