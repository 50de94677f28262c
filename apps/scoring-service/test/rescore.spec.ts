/**
 * Live scoring with buildSubjectReport, and replay: a cycle rescored from its stored responses under
 * another instrument version / role profile / threshold, through `cycle.rescore-requested` on the real
 * broker and through the CLI's use-case, writing new result sets and keeping the earlier ones.
 */
import { createEnvelope, EventEnvelope, rescoreRequestedV1, reportUpdatedV2, ReportUpdatedV2 } from '@leaderscope/events';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, uniqueName } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { computeSubjectReport, RescoreCycleUseCase } from '../src';
import { parseRescoreArgs, runRescore } from '../src/cli/rescore';
import { allScored, kafkaTransport, query, Services, startServices, submission, submittedEnvelope } from './support';

describe('live scoring and rescoring on the real broker', () => {
  let db: TestDatabase;
  let services: Services;
  const namespace = `${uniqueName('rescore')}.`;
  const gateway = kafkaTransport(kafkaBrokers(), namespace, 'test-gateway');
  const surveyTransport = kafkaTransport(kafkaBrokers(), namespace, 'survey-service');
  const scoringTransport = kafkaTransport(kafkaBrokers(), namespace, 'scoring-service');
  const updates: ReportUpdatedV2[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const t of [gateway, surveyTransport, scoringTransport]) await t.start();
    await gateway.subscribe({
      groupId: 'report-reader',
      contracts: [reportUpdatedV2],
      handler: async (e) => void updates.push((e as EventEnvelope<ReportUpdatedV2>).payload),
    });
    services = await startServices(db.url, surveyTransport, scoringTransport);
    // Two subjects; subject a with 3 peers (published), subject b with 2 (suppressed at the default threshold of 3).
    const policy = { minGroupSize: 3, roleProfileId: 'leader-of-others' };
    const subs = [
      submission('cycle-r', 'a', 'a-self', 'self', 5, { policy, comments: { 'develops-leaders': 'Coaches well.' } }),
      submission('cycle-r', 'a', 'a-manager', 'manager', 3, { policy }),
      ...[1, 2, 3].map((i) =>
        submission('cycle-r', 'a', `a-peer-${i}`, 'peer', 3 + (i % 2), { policy, comments: { 'develops-leaders': `Peer view ${i}.` } }),
      ),
      submission('cycle-r', 'b', 'b-self', 'self', 4, { policy }),
      ...[1, 2].map((i) => submission('cycle-r', 'b', `b-peer-${i}`, 'peer', 2, { policy })),
    ];
    await gateway.publish(subs.map(submittedEnvelope));
    await allScored(db.url, 8);
    // Responses of one subject handled in one batch are announced by one report.updated, whose
    // reportVersion counts them all: wait for the versions that account for every response.
    const liveVersion = (s: string) =>
      Math.max(0, ...updates.filter((u) => u.resultSet === 'live' && u.subjectId === s).map((u) => u.reportVersion));
    await eventually('live report.updated for both subjects', async () => liveVersion('a') >= 5 && liveVersion('b') >= 3);
  }, 90000);

  afterAll(async () => {
    await services?.stop();
    for (const t of [gateway, surveyTransport, scoringTransport]) await t.close();
    await db?.drop();
  }, 60000);

  it('scores live with buildSubjectReport: the whole report, counted raters per group, the policy', async () => {
    const last = updates.filter((u) => u.subjectId === 'a' && u.resultSet === 'live').sort((x, y) => y.reportVersion - x.reportVersion)[0];
    expect(last).toMatchObject({
      cycleId: 'cycle-r',
      reportVersion: 5,
      responseCount: 5,
      roleProfileId: 'leader-of-others',
      instrumentVersion: 1,
    });
    expect(last.groupCounts).toEqual({ self: 1, manager: 1, peer: 3 });
    expect(Object.keys(last.report).sort()).toEqual(
      [
        'blindSpots',
        'comments',
        'developmentAreas',
        'hiddenStrengths',
        'items',
        'lowAgreement',
        'overall',
        'readiness',
        'scores',
        'strengths',
        'transitionRisks',
      ].sort(),
    );
    const report = last.report as { strengths: { fitBasis: string }; comments: { text: string; group: string }[] };
    expect(report.strengths.fitBasis).toBe('leader-of-others');
    // Peer comments (3 peers) are shown, without rater ids; the lone self comment is not.
    expect(report.comments.map((c) => c.text).sort()).toEqual(['Peer view 1.', 'Peer view 2.', 'Peer view 3.']);
    expect(JSON.stringify(report.comments)).not.toContain('a-peer');
    const b = updates.filter((u) => u.subjectId === 'b').sort((x, y) => y.reportVersion - x.reportVersion)[0];
    expect(b.groupCounts).toEqual({ self: 1, peer: 2 });
    const peerScores = (b.report as { scores: { dimensions: { groups: { peer?: { suppressed?: boolean } } }[] } }).scores.dimensions
      .map((d) => d.groups.peer)
      .filter(Boolean);
    expect(peerScores.length).toBeGreaterThan(0);
    for (const p of peerScores) expect(p).toMatchObject({ suppressed: true });
  });

  it('rescores a cycle on cycle.rescore-requested into a new result set, keeping the live one', async () => {
    const rescoreId = randomUUID();
    await gateway.publish([
      createEnvelope(
        rescoreRequestedV1,
        {
          rescoreId,
          cycleId: 'cycle-r',
          instrumentId: 'leader-of-leaders',
          instrumentVersion: 2,
          roleProfileId: 'function-head',
          minGroupSize: 2,
          requestedAt: new Date().toISOString(),
        },
        { organisationId: 'org-test' },
      ),
    ]);
    await eventually(
      'report.updated of the rescore for both subjects',
      async () => updates.filter((u) => u.resultSet === rescoreId).length === 2,
      30000,
    );
    const rescored = updates.filter((u) => u.resultSet === rescoreId);
    for (const u of rescored) expect(u).toMatchObject({ reportVersion: 1, instrumentVersion: 2, roleProfileId: 'function-head' });
    // With a threshold of 2, subject b's two peers are now published.
    const b = rescored.find((u) => u.subjectId === 'b')!;
    const peer = (
      b.report as { scores: { dimensions: { groups: { peer?: { suppressed?: boolean; n: number } } }[] } }
    ).scores.dimensions.find((d) => d.groups.peer)!.groups.peer!;
    expect(peer.suppressed).toBeUndefined();
    expect(peer.n).toBe(2);

    const sets = await query<{ subject_id: string; result_set: string; instrument_version: number }>(
      db.url,
      `SELECT subject_id, result_set, instrument_version FROM scoring.subject_report ORDER BY subject_id, result_set = 'live' DESC`,
    );
    expect(sets).toEqual([
      { subject_id: 'a', result_set: 'live', instrument_version: 1 },
      { subject_id: 'a', result_set: rescoreId, instrument_version: 2 },
      { subject_id: 'b', result_set: 'live', instrument_version: 1 },
      { subject_id: 'b', result_set: rescoreId, instrument_version: 2 },
    ]);
    // The finished rescore asks for its cycle-level result (cycle.score-requested → cycle_result under v2).
    const cycleResult = await eventually(
      'cycle result of the rescore',
      async () => {
        const rows = await query<{ instrument_version: number; role_profile_id: string; min_group_size: number; subject_count: number }>(
          db.url,
          `SELECT instrument_version, role_profile_id, min_group_size, subject_count FROM scoring.cycle_result WHERE cycle_id = 'cycle-r' AND result_set = $1`,
          [rescoreId],
        );
        return rows[0];
      },
      30000,
    );
    expect(cycleResult).toEqual({ instrument_version: 2, role_profile_id: 'function-head', min_group_size: 2, subject_count: 2 });
    const useCase = services.scoring.get(RescoreCycleUseCase);
    expect((await useCase.resultSets('cycle-r')).map((s) => s.resultSet)).toEqual(['live', rescoreId]);
    const comparison = await useCase.compare('cycle-r', 'a', 'live', rescoreId);
    expect(comparison!.a).toMatchObject({ resultSet: 'live', instrumentVersion: 1, roleProfileId: 'leader-of-others' });
    expect(comparison!.b).toMatchObject({ resultSet: rescoreId, instrumentVersion: 2, roleProfileId: 'function-head' });
    expect(comparison!.dimensions).toHaveLength(11);

    // The same request again (a redelivery) writes and announces nothing new.
    const before = updates.length;
    const again = await useCase.execute({
      rescoreId,
      cycleId: 'cycle-r',
      instrumentVersion: 2,
      roleProfileId: 'function-head',
      minGroupSize: 2,
    });
    expect(again).toMatchObject({ subjects: 2, scored: 0, skipped: 2 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(updates.length).toBe(before);

    // An interrupted rescore (subject b's chunk never committed) resumes: only b is scored and announced.
    await query(db.url, `DELETE FROM scoring.subject_report WHERE result_set = $1 AND subject_id = 'b'`, [rescoreId]);
    const progress: { subjectId: string; done: number; total: number }[] = [];
    const resumed = await useCase.execute(
      { rescoreId, cycleId: 'cycle-r', instrumentVersion: 2, roleProfileId: 'function-head', minGroupSize: 2 },
      (p) => void progress.push({ subjectId: p.subjectId, done: p.done, total: p.total }),
    );
    expect(resumed).toMatchObject({ subjects: 2, scored: 1, skipped: 1 });
    expect(progress).toEqual([{ subjectId: 'b', done: 2, total: 2 }]);
    await eventually(
      'the resumed subject to be announced again',
      async () => updates.filter((u) => u.resultSet === rescoreId && u.subjectId === 'b').length === 2,
      30000,
    );
    expect(updates.filter((u) => u.resultSet === rescoreId && u.subjectId === 'a')).toHaveLength(1);

    // Chunks smaller than the cycle: every subject written and announced once, progress per subject.
    const chunkSize = RescoreCycleUseCase.chunkSize;
    RescoreCycleUseCase.chunkSize = 1;
    try {
      const small = randomUUID();
      const seen: number[] = [];
      const result = await useCase.execute(
        { rescoreId: small, cycleId: 'cycle-r', instrumentVersion: 2, minGroupSize: 2 },
        (p) => void seen.push(p.done),
      );
      expect(result).toMatchObject({ subjects: 2, scored: 2, skipped: 0 });
      expect(seen).toEqual([1, 2]);
      await eventually(
        'both subjects of the chunked rescore to be announced',
        async () => updates.filter((u) => u.resultSet === small).length === 2,
        30000,
      );
    } finally {
      RescoreCycleUseCase.chunkSize = chunkSize;
    }
  }, 60000);

  it('rescores through the CLI with a progress bar, and refuses an unknown role profile before writing', async () => {
    const lines: string[] = [];
    const out = new Writable({ write: (chunk, _enc, cb) => void (lines.push(String(chunk)), cb()) });
    const options = parseRescoreArgs(['--all', '--instrument-version', '2', '--role-profile', 'leader-of-leaders']);
    const results = await runRescore(options, { DATABASE_URL: db.url }, out);
    expect(results).toEqual([{ rescoreId: options.rescoreId, cycleId: 'cycle-r', subjects: 2, scored: 2, skipped: 0, ignoredAnswers: 0 }]);
    const text = lines.join('');
    expect(text).toContain('2/2 subjects');
    expect(text).toContain(`cycle-r: result set ${options.rescoreId}: 2 subject(s), 2 scored now`);
    // two report.updated and the rescore's cycle.score-requested wait in the outbox; the test's running
    // scoring service may have published some of them already (its relay shares the outbox)
    const waiting = /no KAFKA_BROKERS: (\d+) event\(s\) wait in the outbox/.exec(text);
    expect(Number(waiting?.[1])).toBeLessThanOrEqual(3);
    const [row] = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM scoring.subject_report WHERE result_set = $1`, [
      options.rescoreId,
    ]);
    expect(row.n).toBe('2');
    // The running scoring service's relay publishes what the CLI left in the outbox.
    await eventually(
      'the CLI rescore to be announced',
      async () => updates.filter((u) => u.resultSet === options.rescoreId).length === 2,
      30000,
    );

    await expect(
      runRescore(
        parseRescoreArgs(['--cycle', 'cycle-r', '--instrument-version', '2', '--role-profile', 'no-such-profile']),
        { DATABASE_URL: db.url },
        out,
      ),
    ).rejects.toThrow(/unknown role profile "no-such-profile"/);
    expect(() => parseRescoreArgs(['--instrument-version', '2'])).toThrow(/--cycle <id> or --all/);
  }, 60000);
});

describe('computeSubjectReport', () => {
  it('ignores answers to items the instrument version does not have, instead of refusing them', () => {
    const s = submission('c', 's', 'r', 'peer', 4);
    const computed = computeSubjectReport(
      [{ raterId: 'r', raterGroup: 'peer', answers: { ...s.answers, 'retired-item': 3 }, comments: { 'retired-dimension': 'x' } }],
      { instrumentId: 'leader-of-leaders', instrumentVersion: 2, roleProfileId: null, minGroupSize: 1 },
      'c:s',
    );
    expect(computed.ignoredAnswers).toBe(1);
    expect(computed.groupCounts).toEqual({ peer: 1 });
    expect(computed.report.comments).toEqual([]);
  });
});
