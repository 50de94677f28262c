import { cycleScoredV1, CycleScoredV1, reportComparisonsUpdatedV1, ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import {
  changeBetweenCycles,
  CycleSubject,
  isPublished,
  normGroupOf,
  REPORT_FIGURE_DECIMALS,
  roundFigures,
  scoreCycle,
  scoreSubject,
  SubjectScores,
} from '@leaderscope/scoring';
import { OutboxService, UnitOfWork } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { discloseResultSet, ledgerKey, loadLedgers } from '../disclosure/disclosure-ledger';
import { reportSeed, resolveBasis, ScoringBasis, ScoringBasisError, StoredResponse, scorableResponses } from '../reports/compute-report';
import { LIVE_RESULT_SET } from '../reports/report.entity';

export interface ScoreCycleRequest {
  cycleId: string;
  /** 'live' (default) or a rescore id */
  resultSet?: string;
  /** the cycle is closed: its subjects join the organisation's norm group */
  closed: boolean;
  correlationId?: string;
}

export interface ScoreCycleSummary {
  cycleId: string;
  resultSet: string;
  resultVersion: number;
  subjectCount: number;
  /** subjects with a like-for-like trend against a previous closed cycle */
  withTrend: number;
  /** closed cycles (this one included when closed) whose subjects make up the organisation norm group */
  normCycles: number;
}

interface StoredRow {
  subject_id: string;
  organisation_id: string;
  rater_id: string;
  rater_group: string;
  instrument_id: string;
  instrument_version: number;
  answers: StoredResponse['answers'];
  comments: StoredResponse['comments'];
  recorded_at: Date;
}

/**
 * Scores a whole cycle (one result set) with @leaderscope/scoring's `scoreCycle` and stores the
 * cycle-level result (norms per dimension, Cronbach's alpha per dimension, ICC(1)/ICC(1,k) per rater
 * group) and, per subject, its comparisons:
 * - norms: each dimension's percentile within the cycle and within the organisation's norm group
 *   (this cycle plus every closed cycle of the same instrument version and role profile; a subject
 *   counts once, with their latest closed cycle's score), shown only from 10 subjects, with the size;
 * - trend: the subject's previous closed cycle (its responses all recorded before this cycle's first
 *   response), rescored from its stored responses under this result set's instrument version,
 *   threshold and role profile, and compared per dimension with `changeBetweenCycles`.
 * Everything is written, and `cycle.scored` plus one `report.comparisons-updated` per subject are
 * queued, in the caller's transaction.
 */
@Injectable()
export class ScoreCycleUseCase {
  static readonly consumer = 'cycle-scoring';

  constructor(private readonly outbox: OutboxService) {}

  /** In its own transaction (CLI, tests, callers without an event). */
  async execute(request: ScoreCycleRequest): Promise<ScoreCycleSummary | null> {
    return this.outbox.transact((uow) => this.executeIn(uow, request));
  }

  /** Null when the live result set has no responses yet (a cycle closed before anyone answered): nothing to score. */
  async executeIn({ manager, emit }: UnitOfWork, request: ScoreCycleRequest): Promise<ScoreCycleSummary | null> {
    const resultSet = request.resultSet ?? LIVE_RESULT_SET;
    const cycleId = request.cycleId;
    // One scoring of a cycle's result set at a time (versions never collide).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`scoring-cycle:${cycleId}:${resultSet}`]);
    if (resultSet === LIVE_RESULT_SET) {
      const any: unknown[] = await manager.query(`SELECT 1 FROM "scoring"."rater_response" WHERE "cycle_id" = $1 LIMIT 1`, [cycleId]);
      if (any.length === 0) return null;
    }
    const basis = await this.basisOf(manager, cycleId, resultSet);
    // A rescore's result set of a closed cycle is closed too.
    const liveClosed: { closed: boolean }[] =
      resultSet === LIVE_RESULT_SET
        ? []
        : await manager.query(`SELECT "closed" FROM "scoring"."cycle_result" WHERE "cycle_id" = $1 AND "result_set" = $2`, [
            cycleId,
            LIVE_RESULT_SET,
          ]);
    const closedNow = request.closed || liveClosed.some((r) => r.closed);
    const instrument = resolveBasis(basis);

    // The cycle's subjects and when its first response (each rater's latest version) was recorded:
    // one row per subject, grouped in PostgreSQL. (At L, 150,000 responses: reading them all here
    // to take their earliest time passed 150,000 arguments to Math.min, which threw, so the cycle
    // of 10,000 leaders was never scored.)
    const subjectRows: { subject_id: string; organisation_id: string; first_recorded_at: Date }[] = await manager.query(
      `SELECT "subject_id", min("organisation_id") AS "organisation_id", min("recorded_at") AS "first_recorded_at"
       FROM (SELECT DISTINCT ON (r."subject_id", r."rater_id") r."subject_id", r."organisation_id", r."recorded_at"
             FROM "scoring"."rater_response" r WHERE r."cycle_id" = $1
             ORDER BY r."subject_id", r."rater_id", r."response_version" DESC) AS "latest"
       GROUP BY "subject_id" ORDER BY "subject_id"`,
      [cycleId],
    );
    if (subjectRows.length === 0) throw new ScoringBasisError(`cycle "${cycleId}" has no stored responses`);
    const organisationId = subjectRows[0].organisation_id;
    let firstRecordedAt = new Date(subjectRows[0].first_recorded_at);
    for (const row of subjectRows) if (new Date(row.first_recorded_at) < firstRecordedAt) firstRecordedAt = new Date(row.first_recorded_at);
    // Every figure here is computed from what the disclosure rule let everyone see (docs/anonymity.md):
    // each subject's disclosed snapshot of this result set, never from responses still held back.
    const bySubject = await disclosedResponses(
      manager,
      cycleId,
      resultSet,
      subjectRows.map((r) => r.subject_id),
    );
    if (bySubject.size === 0) return null;

    // Cycle-level result, keeping each subject's scores for its comparisons.
    const scores = new Map<string, SubjectScores>();
    const subjects: CycleSubject[] = [...bySubject].map(([subjectId, list]) => ({
      subjectId,
      responses: scorableResponses(list, instrument).scored,
    }));
    const cycle = scoreCycle({
      instrument,
      subjects,
      policy: { minGroupSize: basis.minGroupSize },
      onSubject: (id, s) => void scores.set(id, s),
    });
    const dimensionIds = instrument.dimensions.map((d) => d.id);
    const normScores = new Map<string, Record<string, number>>();
    for (const [subjectId, s] of scores) {
      const own: Record<string, number> = {};
      for (const d of s.dimensions) if (isPublished(d.others)) own[d.dimensionId] = d.others.mean;
      normScores.set(subjectId, own);
    }

    // The organisation's norm group: every other closed cycle of this instrument version and role
    // profile, one score per subject (their latest closed cycle), the subjects of this cycle counted
    // with this cycle's scores.
    const others: { subject_id: string; cycle_id: string; norm_scores: Record<string, number> }[] = await manager.query(
      `SELECT DISTINCT ON (s."subject_id") s."subject_id", s."cycle_id", s."norm_scores"
       FROM "scoring"."cycle_result" c
       JOIN "scoring"."subject_comparison" s ON s."cycle_id" = c."cycle_id" AND s."result_set" = c."result_set"
       WHERE c."closed" AND c."organisation_id" = $1 AND c."instrument_id" = $2 AND c."instrument_version" = $3
         AND c."role_profile_id" IS NOT DISTINCT FROM $4 AND c."cycle_id" <> $5
       ORDER BY s."subject_id", c."first_recorded_at" DESC`,
      [organisationId, basis.instrumentId, basis.instrumentVersion, basis.roleProfileId, cycleId],
    );
    const pool = new Map<string, number[]>(dimensionIds.map((d) => [d, []]));
    const normCycles = new Set<string>([cycleId]);
    for (const [, own] of normScores) for (const [d, v] of Object.entries(own)) pool.get(d)!.push(v);
    for (const o of others) {
      if (bySubject.has(o.subject_id)) continue;
      normCycles.add(o.cycle_id);
      for (const [d, v] of Object.entries(o.norm_scores)) pool.get(d)?.push(v);
    }

    // Like-for-like trend: each subject's previous closed cycle, rescored under this basis.
    const previous = await previousCycles(manager, organisationId, basis.instrumentId, [...bySubject.keys()], cycleId, firstRecordedAt);
    const previousDisclosed = new Map<string, StoredResponse[]>();
    const previousLedgers = await loadLedgers(
      manager,
      [...previous].map(([subjectId, prev]) => ({ cycleId: prev.cycleId, subjectId })),
    );
    for (const [subjectId, prev] of previous) {
      const ledger = previousLedgers.get(ledgerKey(prev.cycleId, subjectId))!;
      if (!ledger.current) continue;
      const outcome = await discloseResultSet(
        manager,
        { cycleId: prev.cycleId, subjectId },
        `trend:${cycleId}:${resultSet}`,
        basis,
        reportSeed(prev.cycleId, subjectId),
        ledger,
      );
      if ('computed' in outcome) previousDisclosed.set(subjectId, ledger.current.responses);
    }
    // each dimension's organisation norm group sorted once, not scanned once per subject
    const orgNorms = new Map(dimensionIds.map((d) => [d, normGroupOf(pool.get(d)!)]));
    const cycleNorms = new Map(cycle.norms.subjects.map((s) => [s.subjectId, s.percentiles]));
    const cycleNormDims = new Map(cycle.norms.dimensions.map((d) => [d.dimensionId, d]));
    // Every trend's raters' pseudonyms (both compared cycles) in one read, not two per subject.
    const pseudonyms = await loadPseudonyms(
      manager,
      [...previous].flatMap(([subjectId, prev]) => {
        const prevResponses = previousDisclosed.get(subjectId);
        return prevResponses
          ? [
              { cycleId: prev.cycleId, responses: prevResponses },
              { cycleId, responses: bySubject.get(subjectId)! },
            ]
          : [];
      }),
    );
    const scoredAt = new Date();
    let withTrend = 0;
    const comparisons: {
      subjectId: string;
      own: Record<string, number>;
      norms: ReportComparisonsUpdatedV1['norms'];
      trend: ReportComparisonsUpdatedV1['trend'];
    }[] = [];
    for (const subjectId of bySubject.keys()) {
      const current = scores.get(subjectId)!;
      const own = normScores.get(subjectId)!;
      const norms: ReportComparisonsUpdatedV1['norms'] = dimensionIds.map((dimensionId) => {
        const inCycle = cycleNormDims.get(dimensionId)!;
        const pct = cycleNorms.get(subjectId)?.[dimensionId] ?? null;
        const value = own[dimensionId];
        const org = value === undefined ? null : orgNorms.get(dimensionId)!.percentileOf(value);
        return {
          dimensionId,
          cycle: {
            percentile: pct,
            normSize: inCycle.n,
            available: pct !== null,
            reason: pct !== null ? null : inCycle.available ? 'no published others score on this dimension' : inCycle.reason,
          },
          organisation: {
            percentile: org?.percentile ?? null,
            normSize: orgNorms.get(dimensionId)!.normSize,
            available: org?.available ?? false,
            reason: org ? org.reason : 'no published others score on this dimension',
            cycles: normCycles.size,
          },
        };
      });
      let trend: ReportComparisonsUpdatedV1['trend'] = null;
      const prev = previous.get(subjectId);
      // The previous cycle's disclosed snapshot rescored under this basis is a new view of its raters:
      // it is shown only if the disclosure audit over everything shown of that cycle allows it
      // (recorded in its ledger as result set `trend:<cycle>`), else there is no trend.
      const prevResponses = prev ? previousDisclosed.get(subjectId) : undefined;
      if (prev && prevResponses) {
        const before = scoreSubject({
          instrument,
          responses: scorableResponses(prevResponses, instrument).scored,
          policy: { minGroupSize: basis.minGroupSize },
        });
        // Raters in common: only when every non-self rater of both compared sets has a pseudonym
        // (cycles launched before pseudonyms existed have none: unknown rather than undercounted).
        const previousRaters = pseudonymsOf(pseudonyms, prev.cycleId, prevResponses);
        const currentRaters = pseudonymsOf(pseudonyms, cycleId, bySubject.get(subjectId)!);
        const change = changeBetweenCycles({
          previous: before,
          current,
          previousInstrument: prev.instrument,
          currentInstrument: instrument,
          ...(previousRaters && currentRaters ? { previousRaters, currentRaters } : {}),
        });
        trend = {
          previousCycleId: prev.cycleId,
          previousInstrumentVersion: prev.instrument.version,
          instrumentVersion: basis.instrumentVersion,
          roleProfileId: basis.roleProfileId,
          // A count of pseudonyms in both cycles (never which): null when either cycle lacks them.
          ratersInCommon: change.ratersInCommon,
          dimensions: change.dimensions,
        };
        withTrend++;
      }
      // Decided at full precision (the trend's calls); stored and sent at REPORT_FIGURE_DECIMALS places, as
      // the subject's report is. `own` stays exact: it is what later cycles' norms are computed from.
      comparisons.push({
        subjectId,
        own,
        norms: roundFigures(norms, REPORT_FIGURE_DECIMALS),
        trend: roundFigures(trend, REPORT_FIGURE_DECIMALS),
      });
    }

    // Write the cycle result and the comparisons, and queue their events.
    const reliability: CycleScoredV1['reliability'] = roundFigures(
      {
        alpha: cycle.reliability.alpha,
        groups: cycle.reliability.icc1.map((g) => ({
          group: g.group,
          icc1: g.mean,
          icck: g.meanIcck,
          dimensions: g.dimensions.map((d) => ({
            dimensionId: d.dimensionId,
            icc1: d.icc1,
            icck: d.icck,
            k0: d.k0,
            subjects: d.subjects,
            raters: d.raters,
          })),
        })),
      },
      REPORT_FIGURE_DECIMALS,
    );
    const norms: CycleScoredV1['norms'] = { minSubjects: cycle.norms.minSubjects, dimensions: cycle.norms.dimensions };
    const [{ result_version: resultVersion, closed }]: { result_version: number; closed: boolean }[] = await manager.query(
      `INSERT INTO "scoring"."cycle_result" ("cycle_id", "result_set", "organisation_id", "result_version", "instrument_id", "instrument_version",
         "role_profile_id", "min_group_size", "closed", "subject_count", "first_recorded_at", "result", "scored_at")
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
       ON CONFLICT ("cycle_id", "result_set") DO UPDATE SET
         "result_version" = "cycle_result"."result_version" + 1, "organisation_id" = EXCLUDED."organisation_id",
         "instrument_id" = EXCLUDED."instrument_id", "instrument_version" = EXCLUDED."instrument_version",
         "role_profile_id" = EXCLUDED."role_profile_id", "min_group_size" = EXCLUDED."min_group_size",
         "closed" = "cycle_result"."closed" OR EXCLUDED."closed", "subject_count" = EXCLUDED."subject_count",
         "first_recorded_at" = EXCLUDED."first_recorded_at", "result" = EXCLUDED."result", "scored_at" = EXCLUDED."scored_at"
       RETURNING "result_version", "closed"`,
      [
        cycleId,
        resultSet,
        organisationId,
        basis.instrumentId,
        basis.instrumentVersion,
        basis.roleProfileId,
        basis.minGroupSize,
        closedNow,
        cycle.subjectCount,
        firstRecordedAt.toISOString(),
        JSON.stringify({ norms, reliability }),
        scoredAt.toISOString(),
      ],
    );
    const meta = { organisationId, correlationId: request.correlationId };
    emit(
      cycleScoredV1,
      {
        cycleId,
        resultSet,
        resultVersion,
        instrumentId: basis.instrumentId,
        instrumentVersion: basis.instrumentVersion,
        roleProfileId: basis.roleProfileId,
        minGroupSize: basis.minGroupSize,
        closed,
        subjectCount: cycle.subjectCount,
        norms,
        reliability,
        scoredAt: scoredAt.toISOString(),
      },
      meta,
    );
    const versions = new Map<string, number>();
    for (let i = 0; i < comparisons.length; i += 500) {
      const chunk = comparisons.slice(i, i + 500);
      const written: { subject_id: string; comparison_version: number }[] = await manager.query(
        `INSERT INTO "scoring"."subject_comparison" ("cycle_id", "subject_id", "result_set", "organisation_id", "comparison_version", "norm_scores", "comparisons", "scored_at")
         SELECT $1, x."subject_id", $2, $3, 1, x."norm_scores", x."comparisons", $4::timestamptz
         FROM jsonb_to_recordset($5::jsonb) AS x("subject_id" text, "norm_scores" jsonb, "comparisons" jsonb)
         ON CONFLICT ("cycle_id", "subject_id", "result_set") DO UPDATE SET
           "comparison_version" = "subject_comparison"."comparison_version" + 1, "organisation_id" = EXCLUDED."organisation_id",
           "norm_scores" = EXCLUDED."norm_scores", "comparisons" = EXCLUDED."comparisons", "scored_at" = EXCLUDED."scored_at"
         RETURNING "subject_id", "comparison_version"`,
        [
          cycleId,
          resultSet,
          organisationId,
          scoredAt.toISOString(),
          JSON.stringify(
            chunk.map((c) => ({ subject_id: c.subjectId, norm_scores: c.own, comparisons: { norms: c.norms, trend: c.trend } })),
          ),
        ],
      );
      for (const w of written) versions.set(w.subject_id, w.comparison_version);
    }
    for (const c of comparisons)
      emit(
        reportComparisonsUpdatedV1,
        {
          cycleId,
          subjectId: c.subjectId,
          resultSet,
          comparisonVersion: versions.get(c.subjectId)!,
          norms: c.norms,
          trend: c.trend,
          scoredAt: scoredAt.toISOString(),
        },
        meta,
      );
    return { cycleId, resultSet, resultVersion, subjectCount: cycle.subjectCount, withTrend, normCycles: normCycles.size };
  }

  /** The result set's basis: the cycle's own (live) or the rescore's. */
  private async basisOf(manager: EntityManager, cycleId: string, resultSet: string): Promise<ScoringBasis> {
    if (resultSet === LIVE_RESULT_SET) {
      const rows: { instrument_id: string; instrument_version: number; policy: { minGroupSize: number; roleProfileId: string | null } }[] =
        await manager.query(
          `SELECT "instrument_id", "instrument_version", "policy" FROM "scoring"."rater_response" WHERE "cycle_id" = $1 ORDER BY "recorded_at" DESC LIMIT 1`,
          [cycleId],
        );
      if (rows.length === 0) throw new ScoringBasisError(`cycle "${cycleId}" has no stored responses`);
      const r = rows[0];
      return {
        instrumentId: r.instrument_id,
        instrumentVersion: r.instrument_version,
        roleProfileId: r.policy.roleProfileId ?? null,
        minGroupSize: r.policy.minGroupSize,
      };
    }
    const rows: { instrument_id: string; instrument_version: number; role_profile_id: string | null; min_group_size: number }[] =
      await manager.query(
        `SELECT "instrument_id", "instrument_version", "role_profile_id", "min_group_size" FROM "scoring"."rescore" WHERE "cycle_id" = $1 AND "rescore_id" = $2`,
        [cycleId, resultSet],
      );
    if (rows.length === 0) throw new ScoringBasisError(`cycle "${cycleId}" has no result set "${resultSet}"`);
    const r = rows[0];
    return {
      instrumentId: r.instrument_id,
      instrumentVersion: r.instrument_version,
      roleProfileId: r.role_profile_id,
      minGroupSize: r.min_group_size,
    };
  }
}

/**
 * Each subject's responses in the disclosed snapshot of `resultSet` (the live snapshot in force, or
 * the snapshot a rescore was disclosed on); subjects with nothing disclosed are left out.
 */
async function disclosedResponses(
  manager: EntityManager,
  cycleId: string,
  resultSet: string,
  subjectIds: string[],
): Promise<Map<string, StoredResponse[]>> {
  const out = new Map<string, StoredResponse[]>();
  const ledgers = await loadLedgers(
    manager,
    subjectIds.map((subjectId) => ({ cycleId, subjectId })),
  );
  for (const subjectId of subjectIds) {
    const ledger = ledgers.get(ledgerKey(cycleId, subjectId))!;
    const row = ledger.rows.filter((r) => r.result_set === resultSet).at(-1);
    if (!row) continue;
    out.set(
      subjectId,
      row.response_ids.map((id) => ledger.responses.get(id)!),
    );
  }
  return out;
}

/**
 * Each subject's previous closed cycle in the organisation of the same instrument (any version; a
 * follow-up pulse is a cycle of its own instrument, so a 360's previous cycle is never a pulse, and a
 * pulse's is never a 360): the latest such cycle (by its responses) with a
 * closed live result whose responses for the subject were all recorded before `before`, with the
 * subject's latest answers in it and the instrument they were recorded with.
 */
async function previousCycles(
  manager: EntityManager,
  organisationId: string,
  instrumentId: string,
  subjectIds: string[],
  cycleId: string,
  before: Date,
): Promise<Map<string, { cycleId: string; instrument: InstrumentDefinition; responses: StoredResponse[] }>> {
  const picks: { subject_id: string; cycle_id: string }[] = await manager.query(
    `SELECT DISTINCT ON (r."subject_id") r."subject_id", r."cycle_id"
     FROM "scoring"."rater_response" r
     JOIN "scoring"."cycle_result" c ON c."cycle_id" = r."cycle_id" AND c."result_set" = 'live' AND c."closed"
     WHERE r."organisation_id" = $1 AND r."subject_id" = ANY($2::text[]) AND r."cycle_id" <> $3 AND r."instrument_id" = $5
     GROUP BY r."subject_id", r."cycle_id"
     HAVING max(r."recorded_at") < $4
     ORDER BY r."subject_id", max(r."recorded_at") DESC`,
    [organisationId, subjectIds, cycleId, before.toISOString(), instrumentId],
  );
  const out = new Map<string, { cycleId: string; instrument: InstrumentDefinition; responses: StoredResponse[] }>();
  if (picks.length === 0) return out;
  const rows: (StoredRow & { cycle_id: string })[] = await manager.query(
    `SELECT x.* FROM unnest($1::text[], $2::text[]) AS k(c, s)
       CROSS JOIN LATERAL (
         SELECT DISTINCT ON (r."rater_id") r."cycle_id", r."subject_id", r."organisation_id", r."rater_id", r."rater_group",
           r."instrument_id", r."instrument_version", r."answers", r."comments", r."recorded_at"
           FROM "scoring"."rater_response" r
          WHERE r."cycle_id" = k.c AND r."subject_id" = k.s
          ORDER BY r."rater_id", r."response_version" DESC) x
     ORDER BY x."cycle_id", x."subject_id", x."rater_id"`,
    [picks.map((p) => p.cycle_id), picks.map((p) => p.subject_id)],
  );
  const latestInstrument = new Map<string, { id: string; version: number; at: number }>();
  for (const r of rows) {
    const entry = out.get(r.subject_id) ?? { cycleId: r.cycle_id, instrument: undefined as unknown as InstrumentDefinition, responses: [] };
    entry.responses.push({ raterId: r.rater_id, raterGroup: r.rater_group, answers: r.answers, comments: r.comments });
    out.set(r.subject_id, entry);
    const at = new Date(r.recorded_at).getTime();
    const known = latestInstrument.get(r.subject_id);
    if (!known || at > known.at) latestInstrument.set(r.subject_id, { id: r.instrument_id, version: r.instrument_version, at });
  }
  for (const [subjectId, entry] of out) {
    const i = latestInstrument.get(subjectId)!;
    entry.instrument = getInstrument(i.id, i.version);
  }
  return out;
}

const nonSelfRaterIds = (responses: StoredResponse[]): string[] => [
  ...new Set(responses.filter((r) => r.raterGroup !== 'self').map((r) => r.raterId)),
];
const pseudonymKey = (cycleId: string, raterId: string): string => `${cycleId}\u0000${raterId}`;

/**
 * The stored pseudonyms of the non-self raters of each set of responses, keyed by cycle and rater
 * (`pseudonymKey`); raters without one are absent. Read in chunks of 10,000 raters, one statement
 * each (a closing cycle at L compares up to 10,000 subjects with their previous cycle).
 */
async function loadPseudonyms(
  manager: EntityManager,
  sets: { cycleId: string; responses: StoredResponse[] }[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, { cycleId: string; raterId: string }>();
  for (const { cycleId, responses } of sets)
    for (const raterId of nonSelfRaterIds(responses)) wanted.set(pseudonymKey(cycleId, raterId), { cycleId, raterId });
  const pairs = [...wanted.values()];
  const out = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += 10_000) {
    const chunk = pairs.slice(i, i + 10_000);
    const rows: { cycle_id: string; rater_id: string; rater_key: string }[] = await manager.query(
      `SELECT p."cycle_id", p."rater_id", p."rater_key"
         FROM unnest($1::text[], $2::text[]) AS k(c, r)
         JOIN "scoring"."rater_pseudonym" p ON p."cycle_id" = k.c AND p."rater_id" = k.r`,
      [chunk.map((p) => p.cycleId), chunk.map((p) => p.raterId)],
    );
    for (const r of rows) out.set(pseudonymKey(r.cycle_id, r.rater_id), r.rater_key);
  }
  return out;
}

/** The pseudonyms of the non-self raters among `responses`, or null when any of them has none. */
function pseudonymsOf(pseudonyms: Map<string, string>, cycleId: string, responses: StoredResponse[]): string[] | null {
  const keys: string[] = [];
  for (const raterId of nonSelfRaterIds(responses)) {
    const key = pseudonyms.get(pseudonymKey(cycleId, raterId));
    if (key === undefined) return null;
    keys.push(key);
  }
  return keys;
}
