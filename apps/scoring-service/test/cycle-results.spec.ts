/**
 * From report to growth, on the real broker and PostgreSQL: the live report carries item-level
 * results; `cycle.score-requested` scores a whole cycle (norms, alpha, ICC per rater group) and each
 * subject's comparisons (percentiles within the cycle and the organisation's norm group, like-for-like
 * trend against the previous closed cycle rescored under the current instrument version, left out
 * when the disclosure audit withholds that view of the previous cycle).
 */
import {
  createEnvelope,
  cycleRaterPseudonymsV1,
  cycleScoredV1,
  CycleScoredV1,
  cycleScoreRequestedV1,
  EventEnvelope,
  reportComparisonsUpdatedV1,
  ReportComparisonsUpdatedV1,
  reportUpdatedV2,
  ReportUpdatedV2,
} from '@leaderscope/events';
import { getInstrument, PULSE_INSTRUMENT_ID, PULSE_INSTRUMENT_VERSION } from '@leaderscope/framework';
import { roundFigures } from '@leaderscope/scoring';
import { unpackReport } from '@leaderscope/vocabulary';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, uniqueName } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { computeSubjectReport, reportSeed, ScoreCycleUseCase, StoredResponse, takeLiveSnapshot } from '../src';
import { decideResultSetView, ledgerKey, loadLedgers } from '../src/disclosure/disclosure-ledger';
import { parseScoreCycleArgs, runScoreCycle } from '../src/cli/score-cycle';
import { allScored, Group, INSTRUMENT_ID, kafkaTransport, query, Services, startServices, submission, submittedEnvelope } from './support';

const v1 = getInstrument(INSTRUMENT_ID, 1);
const v2 = getInstrument(INSTRUMENT_ID, 2);
// A dimension that both managers and peers observe in both versions: every rater's score on it is
// their answer level (reverse items are answered mirrored, so each recoded value is the level).
const D = v1.dimensions.find((d) =>
  [v1, v2].every((inst) =>
    ['manager', 'peer'].every((g) => inst.items.some((i) => i.dimensionId === d.id && i.observers.includes(g as Group))),
  ),
)!.id;

function answersAt(version: 1 | 2, group: Group, level: number): Record<string, number> {
  const inst = version === 1 ? v1 : v2;
  const out: Record<string, number> = {};
  for (const item of inst.items) if (item.observers.includes(group)) out[item.id] = item.reverse ? 6 - level : level;
  return out;
}

/** One subject: a self, a manager at 3 and three peers at `level`. */
function subjectSubmissions(cycleId: string, subjectId: string, level: number, version: 1 | 2) {
  const policy = { minGroupSize: 3, roleProfileId: 'leader-of-others' };
  const make = (raterId: string, group: Group, l: number) =>
    submission(cycleId, subjectId, raterId, group, l, { answers: answersAt(version, group, l), instrumentVersion: version, policy });
  return [
    make(`${cycleId}-${subjectId}-self`, 'self', 4),
    make(`${cycleId}-${subjectId}-manager`, 'manager', 3),
    ...[0, 1, 2].map((p) => make(`${cycleId}-${subjectId}-peer-${p}`, 'peer', level)),
  ];
}

// Cycle 1 (instrument v1, closed): s0..s11 and x0..x3. Cycle 2 (v2, open) and cycle 3 (v1, open): s0..s7.
const L1: Record<string, number> = {
  s0: 1,
  s1: 2,
  s2: 3,
  s3: 4,
  s4: 5,
  s5: 1,
  s6: 2,
  s7: 3,
  s8: 4,
  s9: 5,
  s10: 1,
  s11: 2,
  x0: 3,
  x1: 3,
  x2: 4,
  x3: 5,
};
const L2: Record<string, number> = { s0: 5, s1: 2, s2: 3, s3: 4, s4: 5, s5: 1, s6: 2, s7: 3 };
/** The follow-up pulse on s0: its manager and three peers; the plan has two focus areas (focus-3 unused). */
const PULSE_RATERS: [string, Group][] = [
  ['pulse-1-s0-manager', 'manager'],
  ['pulse-1-s0-peer-0', 'peer'],
  ['pulse-1-s0-peer-1', 'peer'],
  ['pulse-1-s0-peer-2', 'peer'],
];
const pulseSubmission = (raterId: string, group: Group) =>
  submission('pulse-1', 's0', raterId, group, 0, {
    instrumentId: PULSE_INSTRUMENT_ID,
    instrumentVersion: PULSE_INSTRUMENT_VERSION,
    answers: { 'focus-1': group === 'manager' ? 3 : -2, 'focus-2': 1, 'focus-3': null },
    policy: { minGroupSize: 3, roleProfileId: null },
  });
// t(0.975, 6) from the t table
const T6 = 2.446911851144969;

describe('cycle-level results, norms and like-for-like trend on the real broker', () => {
  let db: TestDatabase;
  let services: Services;
  const namespace = `${uniqueName('growth')}.`;
  const gateway = kafkaTransport(kafkaBrokers(), namespace, 'test-gateway');
  const surveyTransport = kafkaTransport(kafkaBrokers(), namespace, 'survey-service');
  const scoringTransport = kafkaTransport(kafkaBrokers(), namespace, 'scoring-service');
  const reports: ReportUpdatedV2[] = [];
  const cycles: CycleScoredV1[] = [];
  const comparisons: ReportComparisonsUpdatedV1[] = [];
  const requestScore = (cycleId: string, closed: boolean) =>
    createEnvelope(
      cycleScoreRequestedV1,
      { requestId: randomUUID(), cycleId, resultSet: 'live', closed, requestedAt: new Date().toISOString() },
      { organisationId: 'org-test' },
    );
  const comparisonOf = (cycleId: string, subjectId: string) =>
    comparisons
      .filter((c) => c.cycleId === cycleId && c.subjectId === subjectId)
      .sort((a, b) => b.comparisonVersion - a.comparisonVersion)[0];
  const normOf = (c: ReportComparisonsUpdatedV1) => c.norms.find((n) => n.dimensionId === D)!;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const t of [gateway, surveyTransport, scoringTransport]) await t.start();
    await gateway.subscribe({
      groupId: 'growth-reader',
      contracts: [reportUpdatedV2, cycleScoredV1, reportComparisonsUpdatedV1],
      handler: async (e) => {
        if (e.type === reportUpdatedV2.type) reports.push((e as EventEnvelope<ReportUpdatedV2>).payload);
        else if (e.type === cycleScoredV1.type) cycles.push((e as EventEnvelope<CycleScoredV1>).payload);
        else comparisons.push((e as EventEnvelope<ReportComparisonsUpdatedV1>).payload);
      },
    });
    services = await startServices(db.url, surveyTransport, scoringTransport);
    // Pseudonyms (the gateway sends them at launch) for s0 in cycles 1 and 3: the manager and one
    // peer rate s0 in both cycles, two peers are new. Cycle 2 and the other subjects have none.
    const pseudonyms = (cycleId: string, keys: [string, string][]) =>
      createEnvelope(
        cycleRaterPseudonymsV1,
        {
          cycleId,
          subjectId: 's0',
          raters: keys.map(([role, person]) => ({ raterId: `${cycleId}-s0-${role}`, raterKey: person.padEnd(43, '_') })),
          issuedAt: new Date().toISOString(),
        },
        { organisationId: 'org-test' },
      );
    const c1Keys: [string, string][] = [
      ['manager', 'mona'],
      ['peer-0', 'pia'],
      ['peer-1', 'paul'],
      ['peer-2', 'pete'],
    ];
    const c3Keys: [string, string][] = [
      ['manager', 'mona'],
      ['peer-0', 'pia'],
      ['peer-1', 'nora'],
      ['peer-2', 'ned'],
    ];
    await gateway.publish([pseudonyms('cycle-1', c1Keys), pseudonyms('cycle-3', c3Keys), pseudonyms('cycle-3', c3Keys)]);

    await gateway.publish(
      Object.entries(L1)
        .flatMap(([s, l]) => subjectSubmissions('cycle-1', s, l, 1))
        .map(submittedEnvelope),
    );
    await allScored(db.url, 16 * 5, 90000);
    await gateway.publish([requestScore('cycle-1', true)]);
    await eventually(
      'cycle-1 scored',
      async () => cycles.some((c) => c.cycleId === 'cycle-1') && comparisons.filter((c) => c.cycleId === 'cycle-1').length === 16,
      60000,
    );

    // A follow-up pulse on s0 (a cycle of its own, on the -3..+3 pulse instrument, closed) after
    // cycle 1: it must never become s0's "previous cycle" for the trend of cycles 2 and 3.
    await gateway.publish(PULSE_RATERS.map(([raterId, group]) => submittedEnvelope(pulseSubmission(raterId, group))));
    await allScored(db.url, 16 * 5 + PULSE_RATERS.length, 90000);
    await gateway.publish([requestScore('pulse-1', true)]);
    await eventually('pulse-1 scored', async () => cycles.some((c) => c.cycleId === 'pulse-1'), 60000);

    await gateway.publish(
      Object.entries(L2)
        .flatMap(([s, l]) => subjectSubmissions('cycle-2', s, l, 2))
        .map(submittedEnvelope),
    );
    await allScored(db.url, 16 * 5 + PULSE_RATERS.length + 8 * 5, 90000);
    await gateway.publish([requestScore('cycle-2', false)]);
    await eventually(
      'cycle-2 scored',
      async () => cycles.some((c) => c.cycleId === 'cycle-2') && comparisons.filter((c) => c.cycleId === 'cycle-2').length === 8,
      60000,
    );

    // Cycle 3: instrument v1 like cycle 1, same levels as cycle 2.
    await gateway.publish(
      Object.entries(L2)
        .flatMap(([s, l]) => subjectSubmissions('cycle-3', s, l, 1))
        .map(submittedEnvelope),
    );
    await allScored(db.url, 16 * 5 + PULSE_RATERS.length + 2 * 8 * 5, 90000);
    await gateway.publish([requestScore('cycle-3', false)]);
    await eventually('cycle-3 scored', async () => comparisons.filter((c) => c.cycleId === 'cycle-3').length === 8, 60000);
  }, 300000);

  afterAll(async () => {
    await services?.stop();
    for (const t of [gateway, surveyTransport, scoringTransport]) await t.close();
    await db?.drop();
  }, 60000);

  it('the live report carries item-level results: every item, by group where published, highest and lowest five', async () => {
    await eventually('live report of s0 in cycle-2 with all 5 responses', async () =>
      reports.some((r) => r.cycleId === 'cycle-2' && r.subjectId === 's0' && r.reportVersion >= 5),
    );
    const last = reports
      .filter((r) => r.cycleId === 'cycle-2' && r.subjectId === 's0')
      .sort((a, b) => b.reportVersion - a.reportVersion)[0];
    type Item = {
      itemId: string;
      groups: Record<string, { n: number; mean?: number; suppressed?: boolean }>;
      others: { n: number; mean?: number; includes?: string[] };
      gap: number | null;
    };
    // sent packed in rows (report.updated v2), read as the engine's objects
    expect(last.report.items).toHaveProperty('rows');
    const items = (unpackReport(last.report) as { items: { items: Item[]; highest: unknown[]; lowest: unknown[] } }).items;
    expect(items.items.map((i) => i.itemId)).toEqual(v2.items.map((i) => i.id));
    const observers = (id: string) => v2.items.find((x) => x.id === id)!.observers;
    const peerItem = items.items.find((i) => (['self', 'manager', 'peer'] as Group[]).every((g) => observers(i.itemId).includes(g)))!;
    expect(peerItem.groups.peer).toMatchObject({ n: 3, mean: 5 });
    expect(peerItem.others).toMatchObject({ n: 4, mean: 4.5, includes: ['manager', 'peer'] });
    expect(peerItem.gap).toBeCloseTo(4 - 4.5, 12);
    expect(items.highest.length).toBeLessThanOrEqual(5);
    expect(items.highest.length + items.lowest.length).toBeGreaterThan(0);
  });

  it('stores and announces the cycle-level result: norms per dimension, alpha, ICC per rater group', async () => {
    const c2 = cycles.find((c) => c.cycleId === 'cycle-2')!;
    expect(c2).toMatchObject({
      resultSet: 'live',
      resultVersion: 1,
      instrumentVersion: 2,
      roleProfileId: 'leader-of-others',
      closed: false,
      subjectCount: 8,
    });
    // 8 subjects: within-cycle norms are withheld, with the size
    expect(c2.norms.dimensions.find((d) => d.dimensionId === D)).toMatchObject({ n: 8, available: false });
    expect(c2.reliability.alpha.map((a) => a.dimensionId)).toEqual(v2.dimensions.map((d) => d.id));
    // peers of one subject agree perfectly and subjects differ: ICC(1) = ICC(1,k) = 1
    const peer = c2.reliability.groups.find((g) => g.group === 'peer')!;
    const peerD = peer.dimensions.find((d) => d.dimensionId === D)!;
    expect(peerD).toMatchObject({ subjects: 8, raters: 24 });
    expect(peerD.icc1!).toBeCloseTo(1, 12);
    expect(peerD.icck!).toBeCloseTo(1, 12);
    expect(peerD.k0!).toBeCloseTo(3, 12);
    expect(c2.reliability.groups.find((g) => g.group === 'manager')!.icc1).toBeNull(); // one manager per subject
    const stored = await query<{ cycle_id: string; closed: boolean; result_version: number; subject_count: number }>(
      db.url,
      `SELECT cycle_id, closed, result_version, subject_count FROM scoring.cycle_result ORDER BY cycle_id`,
    );
    expect(stored).toEqual([
      { cycle_id: 'cycle-1', closed: true, result_version: 1, subject_count: 16 },
      { cycle_id: 'cycle-2', closed: false, result_version: 1, subject_count: 8 },
      { cycle_id: 'cycle-3', closed: false, result_version: 1, subject_count: 8 },
      { cycle_id: 'pulse-1', closed: true, result_version: 1, subject_count: 1 },
    ]);
  });

  it('percentiles with ties: within the cycle (16 subjects) and in the organisation norm group (closed cycles, one score per subject)', () => {
    // cycle 1 levels on D: 1 ×3, 2 ×3, 3 ×4, 4 ×3, 5 ×3; s0 is at level 1: (0 + 3/2)/16
    expect(normOf(comparisonOf('cycle-1', 's0')).cycle).toEqual({ percentile: 9.375, normSize: 16, available: true, reason: null });
    // cycle 2 (v2): 8 subjects, too few within the cycle, and no closed cycle of v2 to add: withheld, with the size
    const c2 = normOf(comparisonOf('cycle-2', 's0'));
    expect(c2.cycle).toMatchObject({ percentile: null, normSize: 8, available: false });
    expect(c2.organisation).toEqual({
      percentile: null,
      normSize: 8,
      available: false,
      reason: 'the norm group has 8 subjects; norms need at least 10',
      cycles: 1,
    });
    // cycle 3 (v1): its 8 subjects plus closed cycle 1's subjects not in cycle 3 (s8–s11, x0–x3):
    // levels 1 ×2, 2 ×3, 3 ×4, 4 ×3, 5 ×4. s0 (5): (12 + 4/2)/16; s5 (1): (0 + 2/2)/16; s2 (3): (5 + 4/2)/16
    const s0 = normOf(comparisonOf('cycle-3', 's0'));
    expect(s0.cycle).toMatchObject({ percentile: null, normSize: 8, available: false });
    expect(s0.organisation).toEqual({ percentile: 87.5, normSize: 16, available: true, reason: null, cycles: 2 });
    expect(normOf(comparisonOf('cycle-3', 's5')).organisation.percentile).toBe(6.25);
    expect(normOf(comparisonOf('cycle-3', 's2')).organisation.percentile).toBe(43.75);
  });

  it('sends every figure at four places: the reports, the comparisons and the cycle-level results', () => {
    const sent = [...reports, ...comparisons, ...cycles];
    expect(reports.length * comparisons.length * cycles.length).toBeGreaterThan(0);
    const figures: number[] = [];
    JSON.stringify(sent, (_key, value: unknown) => {
      if (typeof value === 'number' && !Number.isInteger(value)) figures.push(value);
      return value;
    });
    // intervals, standard deviations, agreement and percentiles: figures the engine computes with more places
    expect(figures.length).toBeGreaterThan(1000);
    expect(figures.filter((f) => !/^-?\d+\.\d{1,4}$/.test(String(f)))).toEqual([]);
  });

  it('like-for-like trend: the previous closed cycle rescored under the current version, change with its interval', async () => {
    const s0 = comparisonOf('cycle-2', 's0').trend!;
    expect(s0).toMatchObject({
      previousCycleId: 'cycle-1',
      previousInstrumentVersion: 1,
      instrumentVersion: 2,
      roleProfileId: 'leader-of-others',
      ratersInCommon: null,
    });
    const d = s0.dimensions.find((x) => x.dimensionId === D)!;
    // others before: manager 3, peers 1, 1, 1 (mean 1.5, sd 1); after: 3, 5, 5, 5 (mean 4.5, sd 1)
    // Welch: se = √(1/4 + 1/4), df = 6 → 3 ± t(0.975, 6)·√0.5
    expect(d.previous).toMatchObject({ mean: 1.5, n: 4 });
    expect(d.current).toMatchObject({ mean: 4.5, n: 4 });
    expect(d.change).toBeCloseTo(3, 12);
    // sent at four places (REPORT_FIGURE_DECIMALS), the call decided on the exact interval
    expect(d.ci95).toEqual([roundFigures(3 - T6 * Math.sqrt(0.5), 4), roundFigures(3 + T6 * Math.sqrt(0.5), 4)]);
    expect(d.call).toBe('improved');
    expect(d.comparability.itemsInCommon!.share).toBe(1);
    expect(d.comparability.groupMix).toEqual({
      previous: { published: { manager: 1, peer: 3 }, merged: 0 },
      current: { published: { manager: 1, peer: 3 }, merged: 0 },
    });
    // the previous figures are exactly the previous cycle rescored under v2 (the rescore path)
    const prevRows = await query<{
      rater_id: string;
      rater_group: string;
      answers: Record<string, number | null>;
      comments: Record<string, string>;
    }>(
      db.url,
      `SELECT rater_id, rater_group, answers, comments FROM scoring.rater_response WHERE cycle_id = 'cycle-1' AND subject_id = 's0'`,
    );
    const rescored = computeSubjectReport(
      prevRows.map((r) => ({ raterId: r.rater_id, raterGroup: r.rater_group, answers: r.answers, comments: r.comments })),
      { instrumentId: INSTRUMENT_ID, instrumentVersion: 2, roleProfileId: 'leader-of-others', minGroupSize: 3 },
      'x',
    );
    for (const dim of s0.dimensions) {
      const o = rescored.report.scores.dimensions.find((x) => x.dimensionId === dim.dimensionId)!.others as { mean?: number };
      expect(dim.previous?.mean ?? null).toBe(o.mean ?? null);
    }
    // same level in both cycles: no change is called
    expect(comparisonOf('cycle-2', 's1').trend!.dimensions.find((x) => x.dimensionId === D)).toMatchObject({
      change: 0,
      call: 'no-clear-change',
    });
    // cycle 1 had no earlier closed cycle
    expect(comparisonOf('cycle-1', 's0').trend).toBeNull();
  });

  it('counts the raters in common between the two cycles from pseudonyms, never who, and only when every rater has one', async () => {
    // s0 in cycle 3 against cycle 1: manager and one peer in both, of 4 non-self raters now (self never counts).
    expect(comparisonOf('cycle-3', 's0').trend).toMatchObject({
      previousCycleId: 'cycle-1',
      ratersInCommon: { common: 2, previous: 4, current: 4, shareOfCurrent: 0.5 },
    });
    expect(JSON.stringify(comparisonOf('cycle-3', 's0'))).not.toMatch(/mona|pia|nora/);
    // s1 has no pseudonyms, cycle 2 has none at all: unknown, not zero.
    expect(comparisonOf('cycle-3', 's1').trend!.ratersInCommon).toBeNull();
    expect(comparisonOf('cycle-2', 's0').trend!.ratersInCommon).toBeNull();
    // the repeated event stored nothing twice
    const stored = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM scoring.rater_pseudonym`);
    expect(Number(stored[0].n)).toBe(8);
  });

  it('a follow-up pulse is scored on its -3..+3 scale (slot items, the unused one empty) and is never the previous cycle of a 360', async () => {
    const pulse = reports
      .filter((r) => r.cycleId === 'pulse-1' && r.subjectId === 's0')
      .sort((a, b) => b.reportVersion - a.reportVersion)[0];
    const items = (unpackReport(pulse.report) as { items: { items: { itemId: string; others: { n: number; mean?: number } }[] } }).items
      .items;
    // focus-1: manager 3, peers -2, -2, -2 → mean -0.75 of 4; focus-3 nobody answered
    expect(items.find((i) => i.itemId === 'focus-1')!.others).toMatchObject({ n: 4, mean: -0.75 });
    expect(items.find((i) => i.itemId === 'focus-3')!.others).toMatchObject({ suppressed: true, n: 0 });
    // s0's pulse closed after cycle 1 and before cycles 2 and 3: their trend still compares with cycle 1
    expect(comparisonOf('cycle-2', 's0').trend!.previousCycleId).toBe('cycle-1');
    expect(comparisonOf('cycle-3', 's0').trend!.previousCycleId).toBe('cycle-1');
    // and the pulse itself has no 360 as its previous cycle either
    expect(comparisonOf('pulse-1', 's0').trend).toBeNull();
  });

  it('a redelivered request changes nothing; a new one rewrites with the next version and keeps the cycle closed', async () => {
    const request = requestScore('cycle-1', false);
    const useCase = services.scoring.get(ScoreCycleUseCase);
    await gateway.publish([request, request]);
    await eventually('cycle-1 rescored once', async () => cycles.filter((c) => c.cycleId === 'cycle-1').length >= 2, 30000);
    await new Promise((r) => setTimeout(r, 1500));
    const c1 = cycles.filter((c) => c.cycleId === 'cycle-1');
    expect(c1.map((c) => c.resultVersion)).toEqual([1, 2]);
    expect(c1[1].closed).toBe(true); // closed stays closed
    const direct = await useCase.execute({ cycleId: 'cycle-1', closed: false });
    expect(direct).toMatchObject({ resultVersion: 3, subjectCount: 16, withTrend: 0, normCycles: 1 });
    expect(await useCase.execute({ cycleId: 'cycle-without-responses', closed: true })).toBeNull();
    await expect(useCase.execute({ cycleId: 'cycle-1', resultSet: 'no-such-rescore', closed: false })).rejects.toThrow(
      /cycle "cycle-1" has no result set "no-such-rescore"/,
    );
  });

  it('leaves the trend out when the disclosure audit withholds the previous cycle rescored (kt-4 reverse in v1 only, answered by one direct report)', async () => {
    // Another organisation, stored as the scoring service stores responses, each live snapshot taken
    // by the live path itself: "one-dr" has three direct reports of whom only one answered kt-4
    // (reverse-scored in v1, not in v2); "all-dr" has three who all answered it. Both are rated in
    // audit-1 (v1, closed) and then in audit-2 (v2).
    const dataSource = services.scoring.get(DataSource);
    const policy = { minGroupSize: 3, roleProfileId: 'leader-of-others' };
    const basis = (version: 1 | 2) => ({
      instrumentId: INSTRUMENT_ID,
      instrumentVersion: version,
      roleProfileId: policy.roleProfileId,
      minGroupSize: 3,
    });
    const rate = async (cycleId: string, version: 1 | 2, subjectId: string, daysAgo: number, skipKt4: number[]) => {
      const responses: StoredResponse[] = [
        ['self', 4],
        ['manager', 3],
        ['peer', 2],
        ['peer', 3],
        ['peer', 4],
        ['direct_report', 2],
        ['direct_report', 4],
        ['direct_report', 5],
      ].map(([group, level], i) => {
        const answers: Record<string, number | null> = answersAt(version, group as Group, level as number);
        if (group === 'direct_report' && skipKt4.includes(i - 5)) answers['kt-4'] = null;
        return {
          responseId: randomUUID(),
          raterId: `${cycleId}-${subjectId}-${group}-${i}`,
          raterGroup: group as string,
          answers,
          comments: {},
        };
      });
      for (const r of responses)
        await query(
          db.url,
          `INSERT INTO scoring.rater_response (response_id, organisation_id, cycle_id, subject_id, rater_id, rater_group, instrument_id, instrument_version,
             response_version, answers, comments, policy, recorded_at)
           VALUES ($1, 'org-audit', $2, $3, $4, $5, $6, $7, 1, $8, '{}', $9, now() - make_interval(days => $10))`,
          [
            r.responseId,
            cycleId,
            subjectId,
            r.raterId,
            r.raterGroup,
            INSTRUMENT_ID,
            version,
            JSON.stringify(r.answers),
            JSON.stringify(policy),
            daysAgo,
          ],
        );
      const taken = await dataSource.transaction((m) =>
        takeLiveSnapshot(m, { cycleId, subjectId }, basis(version), responses, reportSeed(cycleId, subjectId)),
      );
      expect(taken).not.toBeNull(); // the live report itself is shown
    };
    await rate('audit-1', 1, 'one-dr', 2, [1, 2]);
    await rate('audit-1', 1, 'all-dr', 2, []);
    const useCase = services.scoring.get(ScoreCycleUseCase);
    await useCase.execute({ cycleId: 'audit-1', closed: true });
    await rate('audit-2', 2, 'one-dr', 1, []);
    await rate('audit-2', 2, 'all-dr', 1, []);

    // The audit's own verdict on the view the trend would add to audit-1's ledger: withheld for one-dr only.
    const ledgers = await dataSource.transaction((m) =>
      loadLedgers(m, [
        { cycleId: 'audit-1', subjectId: 'one-dr' },
        { cycleId: 'audit-1', subjectId: 'all-dr' },
      ]),
    );
    const verdict = (subjectId: string) =>
      decideResultSetView(ledgers.get(ledgerKey('audit-1', subjectId))!, 'probe', basis(2), reportSeed('audit-1', subjectId));
    expect(verdict('one-dr')).toEqual({ withheld: expect.stringMatching(/^withheld to protect anonymity/) });
    expect(verdict('all-dr')).toHaveProperty('computed');

    expect(await useCase.execute({ cycleId: 'audit-2', closed: false })).toMatchObject({ subjectCount: 2, withTrend: 1 });
    const stored = await query<{ subject_id: string; comparisons: Pick<ReportComparisonsUpdatedV1, 'trend'> }>(
      db.url,
      `SELECT subject_id, comparisons FROM scoring.subject_comparison WHERE cycle_id = 'audit-2' ORDER BY subject_id`,
    );
    expect(stored.map((r) => [r.subject_id, r.comparisons.trend?.previousCycleId ?? null])).toEqual([
      ['all-dr', 'audit-1'],
      ['one-dr', null],
    ]);
    // audit-1's ledger records the trend view it disclosed, and none for the subject it withheld.
    const ledgerRows = await query<{ subject_id: string; result_set: string }>(
      db.url,
      `SELECT subject_id, result_set FROM scoring.disclosed_view WHERE cycle_id = 'audit-1' ORDER BY subject_id, result_set`,
    );
    expect(ledgerRows).toEqual([
      { subject_id: 'all-dr', result_set: 'live' },
      { subject_id: 'all-dr', result_set: 'trend:audit-2:live' },
      { subject_id: 'one-dr', result_set: 'live' },
    ]);
    // and no event announced a trend for it
    await eventually('audit-2 comparisons announced', async () => comparisons.filter((c) => c.cycleId === 'audit-2').length === 2, 30000);
    expect(comparisonOf('audit-2', 'one-dr').trend).toBeNull();
    expect(comparisonOf('audit-2', 'all-dr').trend!.previousCycleId).toBe('audit-1');
  });

  it('the score-cycle CLI runs the same use-case (events wait in the outbox without a broker)', async () => {
    expect(() => parseScoreCycleArgs([])).toThrow(/--cycle <id> is required/);
    const summary = await runScoreCycle(parseScoreCycleArgs(['--cycle', 'cycle-2', '--closed']), { DATABASE_URL: db.url });
    expect(summary).toMatchObject({ cycleId: 'cycle-2', resultSet: 'live', resultVersion: 2, subjectCount: 8, withTrend: 8 });
    const [row] = await query<{ closed: boolean; result_version: number }>(
      db.url,
      `SELECT closed, result_version FROM scoring.cycle_result WHERE cycle_id = 'cycle-2'`,
    );
    expect(row).toEqual({ closed: true, result_version: 2 });
  });
});
