/**
 * @leaderscope/scoring: pure, deterministic scoring for 360-degree feedback.
 * No I/O and no Node-only APIs; every function is a function of its arguments.
 */
export * from './types';
export { ScoringInputError } from './errors';
export { icc, iccMeanSquares, cronbachAlpha, rwg, rwgJ, ICC_FORMS } from './psychometrics';
export type { IccForm, IccMeanSquares } from './psychometrics';
export { scoreSubject } from './score-subject';
export { buildSubjectReport, gapInterval, DEFAULT_REPORT_OPTIONS } from './report';
export type {
  AgreementFlag,
  BuildSubjectReportInput,
  GapFinding,
  OverallScore,
  RankedDimension,
  Ranking,
  Readiness,
  ReadinessDimension,
  ReportOptions,
  RiskSignalResult,
  ShownComment,
  SubjectComment,
  SubjectReport,
  TransitionRiskResult,
} from './report';
export { scoreCycle } from './cycle';
export type { CycleResult, CycleSubject, DimensionAlpha, DimensionNorm, GroupIcc, ScoreCycleInput, SubjectNorms } from './cycle';
export { tQuantile975 } from './stats';
export { roundFigures, REPORT_FIGURE_DECIMALS } from './rounding';
export {
  anonymousGroups,
  auditViews,
  compareSnapshots,
  decideResultSet,
  decideSnapshot,
  figureEquations,
  isolatedRaters,
  respondentFigures,
  variableOf,
} from './disclosure';
export type { DisclosedView, DisclosureBasis, FigureChange, FigureEquation, Isolation, SnapshotDecision } from './disclosure';
export { scoreItems } from './items';
export type { ItemResult, ItemResults, RankedItem } from './items';
export { percentileRank, normPercentile, normGroupOf, MIN_NORM_SUBJECTS } from './norms';
export type { NormPercentile } from './norms';
export {
  spearmanBrown,
  ratersForReliability,
  projectReliability,
  PUBLISHED_SINGLE_RATER_RELIABILITY,
  DEFAULT_RELIABILITY_TARGET,
  DEFAULT_MIN_SUBJECTS_FOR_OWN_ICC,
} from './reliability';
export type {
  GroupProjection,
  OrganisationIcc,
  ProjectReliabilityInput,
  ReliabilityWarning,
  ReliabilityWarningCode,
  SingleRaterReliability,
} from './reliability';
export { changeBetweenCycles, changeInterval } from './change';
export type { ChangeCall, ChangeInput, CycleChange, DimensionChange, GroupMix, MeanWithError } from './change';
export { pulseResult } from './pulse';
export type { PulseCall, PulseFocusResult, PulseResultInput } from './pulse';
