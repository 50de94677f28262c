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
