import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { buildSubjectReport, RaterGroup, RaterResponse, REPORT_FIGURE_DECIMALS, roundFigures, SubjectComment } from '@leaderscope/scoring';
import { packReport, type PackedReport } from '@leaderscope/vocabulary';
import type { EntityManager } from 'typeorm';
import { RaterResponseEntity } from './report.entity';

/** What a subject is scored with: the instrument version, the role profile and the anonymity threshold. */
export interface ScoringBasis {
  instrumentId: string;
  instrumentVersion: number;
  /** Role profile whose targets give the fit; null = the instrument's first profile. */
  roleProfileId: string | null;
  minGroupSize: number;
  /** The stricter threshold for comments (>= minGroupSize); absent or null = minGroupSize. */
  commentThreshold?: number | null;
}

/** The latest stored version of a rater's answers. */
export interface StoredResponse {
  /** the stored response version's id (what the disclosure ledger freezes) */
  responseId?: string;
  raterId: string;
  raterGroup: string;
  answers: Record<string, number | null>;
  comments: Record<string, string>;
}

export interface ComputedReport {
  /** The report as it is stored and sent: figures at REPORT_FIGURE_DECIMALS places, item results packed in rows. */
  report: PackedReport;
  /** Counted raters per group: distinct raters per group among the responses scored. */
  groupCounts: Record<string, number>;
  responseCount: number;
  /** Answers left out because their item does not exist in this instrument version (or lies off its scale). */
  ignoredAnswers: number;
}

export class ScoringBasisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringBasisError';
  }
}

/** The instrument of a basis, checking the role profile exists in it. Throws with a readable message. */
export function resolveBasis(basis: ScoringBasis): InstrumentDefinition {
  const instrument = getInstrument(basis.instrumentId, basis.instrumentVersion);
  if (basis.roleProfileId !== null && !instrument.roleProfiles.some((p) => p.id === basis.roleProfileId)) {
    throw new ScoringBasisError(
      `unknown role profile "${basis.roleProfileId}" in ${instrument.id} v${instrument.version} (known: ${instrument.roleProfiles.map((p) => p.id).join(', ')})`,
    );
  }
  if (!Number.isInteger(basis.minGroupSize) || basis.minGroupSize < 1) throw new ScoringBasisError(`minGroupSize must be an integer >= 1`);
  if (basis.commentThreshold != null && (!Number.isInteger(basis.commentThreshold) || basis.commentThreshold < basis.minGroupSize))
    throw new ScoringBasisError(`commentThreshold must be an integer >= minGroupSize (${basis.minGroupSize})`);
  return instrument;
}

/**
 * Scores one subject with @leaderscope/scoring's buildSubjectReport: the instrument's role profiles
 * (the basis's profile as the primary one) and transition risks, the comments, and a seed that keeps
 * the comment order stable. Answers to items this instrument version does not have are ignored, not
 * refused, so stored responses can be rescored under another version. The report's figures are rounded to
 * REPORT_FIGURE_DECIMALS places (every decision in it was made at full precision) and its item
 * results packed in rows, as report.updated v2 sends it (the vocabulary's `packReport`).
 */
export function computeSubjectReport(responses: StoredResponse[], basis: ScoringBasis, seed: string): ComputedReport {
  const instrument = resolveBasis(basis);
  const { scored, comments, groupCounts, ignoredAnswers } = scorableResponses(responses, instrument);
  const full = buildSubjectReport({
    instrument,
    responses: scored,
    policy: { minGroupSize: basis.minGroupSize, commentThreshold: basis.commentThreshold ?? undefined },
    roleProfiles: instrument.roleProfiles,
    transitionRisks: instrument.transitionRisks,
    comments,
    seed,
    options: basis.roleProfileId ? { primaryProfileId: basis.roleProfileId } : undefined,
  });
  // Decided on full precision; stored, sent and shown at REPORT_FIGURE_DECIMALS places, its item
  // results packed in rows (report.updated v2; readers unpack them: unpackReport). Packed first, so
  // the rounding copies the rows once instead of copying item objects that packing then drops.
  const report = roundFigures(packReport(full), REPORT_FIGURE_DECIMALS);
  return { report, groupCounts, responseCount: scored.length, ignoredAnswers };
}

/** Orders stored responses by rater id: how a view lists them, and how a ledger row records them. */
export const byRaterId = (a: StoredResponse, b: StoredResponse): number => (a.raterId < b.raterId ? -1 : a.raterId > b.raterId ? 1 : 0);

/**
 * Stored responses as @leaderscope/scoring takes them for one instrument version, sorted by rater:
 * answers to items this version does not have (or off its scale) are left out and counted.
 */
export function scorableResponses(
  responses: StoredResponse[],
  instrument: InstrumentDefinition,
): { scored: RaterResponse[]; comments: SubjectComment[]; groupCounts: Record<string, number>; ignoredAnswers: number } {
  const { items, dimensions } = idsOf(instrument);
  const { min, max } = instrument.scale;
  const scorable = (itemId: string, value: number | null) =>
    items.has(itemId) && (value === null || (Number.isInteger(value) && value >= min && value <= max));
  let ignoredAnswers = 0;
  const scored: RaterResponse[] = [];
  const comments: SubjectComment[] = [];
  const groupCounts: Record<string, number> = {};
  for (const r of [...responses].sort(byRaterId)) {
    // The stored answers as they are when every one is scorable (the engine only reads them; a whole
    // cycle's rescore checks 3.6 million at L), else a copy without the others.
    let answers = r.answers;
    const itemIds = Object.keys(r.answers);
    let ignored = 0;
    for (const itemId of itemIds) if (!scorable(itemId, r.answers[itemId])) ignored++;
    if (ignored > 0) {
      ignoredAnswers += ignored;
      answers = {};
      for (const itemId of itemIds) if (scorable(itemId, r.answers[itemId])) answers[itemId] = r.answers[itemId];
    }
    const group = r.raterGroup as RaterGroup;
    scored.push({ raterId: r.raterId, group, answers });
    groupCounts[group] = (groupCounts[group] ?? 0) + 1;
    if (r.comments)
      for (const dimensionId of Object.keys(r.comments)) {
        if (dimensions.has(dimensionId)) comments.push({ raterId: r.raterId, group, dimensionId, text: r.comments[dimensionId] });
      }
  }
  return { scored, comments, groupCounts, ignoredAnswers };
}

/** Each instrument version's item and dimension ids, as sets, made once (instruments are immutable). */
const instrumentIds = new WeakMap<InstrumentDefinition, { items: Set<string>; dimensions: Set<string> }>();
function idsOf(instrument: InstrumentDefinition): { items: Set<string>; dimensions: Set<string> } {
  let ids = instrumentIds.get(instrument);
  if (!ids) {
    ids = { items: new Set(instrument.items.map((i) => i.id)), dimensions: new Set(instrument.dimensions.map((d) => d.id)) };
    instrumentIds.set(instrument, ids);
  }
  return ids;
}

/** The latest version of each rater's answers for one subject. */
export async function latestResponses(manager: EntityManager, cycleId: string, subjectId: string): Promise<RaterResponseEntity[]> {
  return manager
    .getRepository(RaterResponseEntity)
    .createQueryBuilder('r')
    .distinctOn(['r.raterId'])
    .where('r.cycleId = :cycleId AND r.subjectId = :subjectId', { cycleId, subjectId })
    .orderBy('r.raterId')
    .addOrderBy('r.responseVersion', 'DESC')
    .getMany();
}

/** The deterministic seed of a subject's comment order. */
export function reportSeed(cycleId: string, subjectId: string): string {
  return `${cycleId}:${subjectId}`;
}
