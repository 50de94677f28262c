import type {
  Instrument as ScoringInstrument,
  RaterGroup,
  RoleProfile as ScoringRoleProfile,
  TransitionRiskDefinition as ScoringRisk,
} from '@leaderscope/scoring';
import { RATER_GROUPS } from '@leaderscope/vocabulary';

export type { RaterGroup };

/** The six rater groups (from @leaderscope/vocabulary, the same values and order everywhere). */
export const RATER_GROUP_VALUES = RATER_GROUPS;

export interface ScaleDefinition {
  min: number;
  max: number;
  /** one label per scale point, from min to max */
  labels: string[];
  /** label of the "not able to rate" option (stored as null) */
  notAbleToRate: string;
}

export interface DimensionDefinition {
  id: string;
  name: string;
  description: string;
}

export interface ItemDefinition {
  id: string;
  dimensionId: string;
  text: string;
  /** the rater groups that can observe this behaviour (and are asked it) */
  observers: RaterGroup[];
  /** pitfall items: an answer v counts as min + max - v */
  reverse?: boolean;
}

export interface RoleProfileDefinition {
  id: string;
  name: string;
  description?: string;
  /** dimensionId -> target level; every dimension has one */
  targets: Record<string, number>;
}

export interface RiskSignalDefinition {
  itemId: string;
  groups: RaterGroup[];
}

export interface TransitionRiskDefinition {
  id: string;
  name: string;
  description: string;
  signals: RiskSignalDefinition[];
  /** a signal is on when its (reverse-scored) item mean is <= atOrBelow; the flag fires at minSignals */
  rule: { atOrBelow: number; minSignals: number };
}

export interface InstrumentDefinition {
  id: string;
  version: number;
  name: string;
  description?: string;
  changelog?: string[];
  scale: ScaleDefinition;
  dimensions: DimensionDefinition[];
  items: ItemDefinition[];
  roleProfiles: RoleProfileDefinition[];
  transitionRisks: TransitionRiskDefinition[];
  /**
   * The share of a dimension's items a rater must answer to be counted on it; absent = the scoring
   * policy's default (0.5). The follow-up pulse sets 0: its raters answer only the plan's slots.
   */
  minItemCoverage?: number;
  /** the report shows item figures only, never a dimension figure (the follow-up pulse) */
  itemFiguresOnly?: boolean;
}

export interface InstrumentSummary {
  id: string;
  version: number;
  name: string;
  latest: boolean;
}

// Compile-time guarantees that the framework's data plugs straight into the scoring engine.
type Assert<T extends true> = T;
type _DefinitionIsScoringInstrument = Assert<InstrumentDefinition extends ScoringInstrument ? true : false>;
type _ProfilesAreScoringProfiles = Assert<RoleProfileDefinition extends ScoringRoleProfile ? true : false>;
type _RisksAreScoringRisks = Assert<TransitionRiskDefinition extends ScoringRisk ? true : false>;
type _SameRaterGroups = Assert<
  [(typeof RATER_GROUP_VALUES)[number]] extends [RaterGroup]
    ? [RaterGroup] extends [(typeof RATER_GROUP_VALUES)[number]]
      ? true
      : false
    : false
>;
