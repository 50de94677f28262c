/** From report.updated to what the subject sees, on a real PostgreSQL: release and publication of disclosed snapshots. */
import { isCompressed, jsonTextOfStored } from '@leaderscope/database';
import { createEnvelope, headerFieldsOf, reportUpdatedV1, reportUpdatedV2 } from '@leaderscope/events';
import { emptyScoredReport, packReport, ScoredReport } from '@leaderscope/vocabulary';
import { codeOf, CREATE_CYCLE, cycleInput, Organisation, TestGateway } from '../test-support/test-gateway';
import { ApplyReportUpdateUseCase } from './apply-report-update.use-case';
import { receivedReportUpdate } from './received-report-update';

/** A rescore's result set id (rescore ids are UUIDs). */
const RESCORE = '5f0c2a9e-8b1d-4c3e-9a7f-2d6b1e4c8a01';
const REPORT = `query($c: ID!, $s: ID!, $r: String) { subjectReport(cycleId: $c, subjectId: $s, resultSet: $r) { reportVersion responseCount visibility } }`;

describe('publication', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let subjectId: string;
  let ben: string;
  let ada: string;

  /** One report.updated of the subject, as the scoring service would send it. */
  const updateOf = (reportVersion: number, groupCounts: Record<string, number>, resultSet = 'live') => ({
    cycleId,
    subjectId,
    resultSet,
    reportVersion,
    instrumentId: 'leader-of-leaders',
    instrumentVersion: 1,
    roleProfileId: 'leader-of-leaders',
    groupCounts,
    responseCount: Object.values(groupCounts).reduce((a, b) => a + b, 0),
    report: emptyScoredReport(),
    scoredAt: new Date().toISOString(),
  });
  const update = (reportVersion: number, groupCounts: Record<string, number>, resultSet = 'live') =>
    gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, updateOf(reportVersion, groupCounts, resultSet));
  const seen = async (token: string, resultSet?: string) =>
    (await gw.ok(token, REPORT, { c: cycleId, s: subjectId, r: resultSet })).subjectReport;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    subjectId = acme.people.get('l1')!;
    const none = ['self', 'manager', 'peer', 'direct_report'].map((group) => ({ group, count: 0 }));
    cycleId = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput('Review', { minRaters: none }) })).createCycle.id;
    // Cy, the second subject, has no report until after release (the last test).
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: [subjectId, acme.people.get('l2')!],
    });
    await gw.ok(acme.hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: cycleId });
    [ben, ada] = await Promise.all(['ben', 'ada'].map((p) => acme.signIn(p)));
  });

  afterAll(() => gw?.stop());

  it('keeps live figures for HR only until release', async () => {
    await update(1, { self: 1, peer: 3, direct_report: 3 });
    expect(await seen(acme.hr)).toEqual({ reportVersion: 1, responseCount: 7, visibility: 'live' });
    expect(codeOf(await gw.gql(ben, REPORT, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
  });

  it('publishes the current report to the subject and their manager on release, once', async () => {
    const released = await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { status releasedAt } }`, { c: cycleId });
    expect(released.releaseResults.releasedAt).not.toBeNull();
    expect(await seen(ben)).toEqual({ reportVersion: 1, responseCount: 7, visibility: 'published' });
    expect((await seen(ada)).reportVersion).toBe(1);
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycleId }))).toBe('CONFLICT');
  });

  // The scoring service emits report.updated only for snapshots the disclosure rule lets anyone see
  // (docs/anonymity.md), so after release the gateway publishes each live one as it comes.
  it('publishes each disclosed snapshot once released: the subject sees what HR sees', async () => {
    await update(2, { self: 1, peer: 4, direct_report: 3 });
    expect((await seen(acme.hr)).reportVersion).toBe(2);
    expect(await seen(ben)).toEqual({ reportVersion: 2, responseCount: 8, visibility: 'published' });
    await update(3, { self: 1, peer: 7, direct_report: 4 });
    expect(await seen(ben)).toEqual({ reportVersion: 3, responseCount: 12, visibility: 'published' });
  });

  // The read model keeps each report as the text the gateway received, neither parsed into jsonb nor
  // checked as json (no query looks inside it: WholeJsonAsText), compressed (ReportsCompressed,
  // docs/benchmarks.md "Twenty-third round"); the publication is a copy of the same bytes.
  it('stores the live report and its publication compressed, as sent', async () => {
    const types: { table_name: string; data_type: string }[] = await gw.dataSource.query(
      `SELECT table_name, data_type FROM information_schema.columns
       WHERE table_schema = 'gateway' AND column_name = 'report' AND table_name IN ('subject_report', 'published_report') ORDER BY table_name`,
    );
    expect(types).toEqual([
      { table_name: 'published_report', data_type: 'bytea' },
      { table_name: 'subject_report', data_type: 'bytea' },
    ]);
    const stored: { live: Buffer; published: Buffer }[] = await gw.dataSource.query(
      `SELECT r.report AS live, p.report AS published FROM gateway.subject_report r
       JOIN gateway.published_report p USING (cycle_id, subject_id) WHERE r.cycle_id = $1 AND r.subject_id = $2 AND r.result_set = 'live'`,
      [cycleId, subjectId],
    );
    expect(stored).toHaveLength(1);
    expect(isCompressed(stored[0].live)).toBe(true);
    expect(stored[0].published.equals(stored[0].live)).toBe(true);
    expect(jsonTextOfStored(stored[0].live)).toBe(JSON.stringify(emptyScoredReport()));
  });

  it('ignores an older or repeated version', async () => {
    await update(2, { self: 1, peer: 9, direct_report: 9 });
    await update(3, { self: 1, peer: 9, direct_report: 9 });
    expect(await seen(acme.hr)).toEqual({ reportVersion: 3, responseCount: 12, visibility: 'live' });
    expect(await seen(ben)).toEqual({ reportVersion: 3, responseCount: 12, visibility: 'published' });
  });

  it('never publishes a rescored result set, and shows it to HR only', async () => {
    await update(1, { self: 1, peer: 9, direct_report: 9 }, RESCORE);
    expect((await seen(acme.hr, RESCORE)).reportVersion).toBe(1);
    expect((await seen(ben)).reportVersion).toBe(3);
    expect(codeOf(await gw.gql(ben, REPORT, { c: cycleId, s: subjectId, r: RESCORE }))).toBe('FORBIDDEN');
    expect((await gw.ok(acme.hr, `query($c: ID!) { resultSets(cycleId: $c) }`, { c: cycleId })).resultSets).toEqual(['live', RESCORE]);
  });

  // The consumer applies a fetch's report.updated together (one transaction, one upsert); each
  // keeps the one-at-a-time rules: newest version per report, older ones ignored, live ones of a
  // released cycle published, a rescore's never.
  it('applies a batch of updates with the same rules as one by one', async () => {
    const message = (reportVersion: number, groupCounts: Record<string, number>, resultSet = 'live') => ({
      organisationId: acme.organisationId,
      update: receivedReportUpdate(updateOf(reportVersion, groupCounts, resultSet)),
    });
    await gw
      .get(ApplyReportUpdateUseCase)
      .executeBatch([
        message(5, { self: 1, peer: 7, direct_report: 6 }),
        message(4, { self: 1, peer: 7, direct_report: 5 }),
        message(2, { self: 1, peer: 9, direct_report: 9 }, RESCORE),
        message(2, { self: 1 }),
      ]);
    expect(await seen(acme.hr)).toEqual({ reportVersion: 5, responseCount: 14, visibility: 'live' });
    expect(await seen(ben)).toEqual({ reportVersion: 5, responseCount: 14, visibility: 'published' });
    expect((await seen(acme.hr, RESCORE)).reportVersion).toBe(2);
    // A batch of only older versions changes nothing.
    await gw.get(ApplyReportUpdateUseCase).executeBatch([message(4, { self: 1 }), message(1, { self: 1 }, RESCORE)]);
    expect(await seen(ben)).toEqual({ reportVersion: 5, responseCount: 14, visibility: 'published' });
    expect((await seen(acme.hr, RESCORE)).reportVersion).toBe(2);
  });

  // Through the real consumer: the scored report's contract is strict, so a report holding a field
  // it does not name is refused whole, never stored with the field dropped.
  describe('a report.updated through the consumer', () => {
    const RECEIVED = '0b5d7a52-3c8e-4f1a-9d26-7e4b1c0a9f13';
    const reportWith = (peer: Record<string, unknown>): ScoredReport =>
      ({
        ...emptyScoredReport(),
        scores: {
          dimensions: [
            {
              dimensionId: 'sets-direction',
              groups: { peer, direct_report: { n: 3, mean: 3.5, sd: 0.5, ci95: [2.258, 4.742], rwg: 0.8 } },
              others: { n: 3, mean: 3.5, sd: 0.5, ci95: [2.258, 4.742], rwg: 0.8, includes: ['direct_report'] },
              gap: null,
              expectation: null,
            },
          ],
        },
      }) as ScoredReport;
    /** The event's text, with the report as given (not validated on the way out), written as `reportText` says. */
    const send = async (reportVersion: number, report: ScoredReport, reportText = JSON.stringify(report), contract = reportUpdatedV1) => {
      const payload = updateOf(reportVersion, { peer: 2, direct_report: 3 }, RECEIVED);
      const envelope = createEnvelope(contract, payload as never, { organisationId: acme.organisationId });
      const json = JSON.stringify({ ...envelope, payload: { ...envelope.payload, report: '<report>' } }).replace('"<report>"', reportText);
      await gw.transport.publishSerialized([{ ...headerFieldsOf(envelope), json }]);
      await gw.transport.idle();
    };
    const stored = async () =>
      (
        await gw.dataSource.query<{ report_version: number; report: Buffer }[]>(
          `SELECT report_version, report FROM gateway.subject_report WHERE cycle_id = $1 AND subject_id = $2 AND result_set = $3`,
          [cycleId, subjectId, RECEIVED],
        )
      ).map((row) => ({ ...row, report: jsonTextOfStored(row.report) }))[0];

    it('stores a report that holds only what the contract names', async () => {
      const suppressed = { suppressed: true, n: 2, reason: 'below the minimum of 3' };
      await send(1, reportWith(suppressed));
      const row = await stored();
      expect(row.report_version).toBe(1);
      expect(JSON.parse(row.report)).toEqual(reportWith(suppressed));
    });

    // Since session 23 the gateway keeps the report's text as it arrived (the contract is strict, so
    // that text is exactly the report it validated) instead of serialising the validated report again.
    it('stores the report as the text it arrived in, once validated', async () => {
      const report = reportWith({ suppressed: true, n: 2, reason: 'below the minimum of 3' });
      const indented = JSON.stringify(report, null, 2);
      await send(2, report, indented);
      const row = await stored();
      expect(row.report_version).toBe(2);
      expect(row.report).toBe(indented);
      expect(JSON.parse(row.report)).toEqual(report);
    });

    // Before session 15 the contract dropped the unnamed field and stored the rest.
    it('refuses, dead-letters and never stores a report holding a field the contract does not name', async () => {
      const deadBefore = gw.transport.deadLetters.length;
      await send(3, reportWith({ suppressed: true, n: 2, reason: 'below the minimum of 3', mean: 2.5 }));
      const dead = gw.transport.deadLetters.slice(deadBefore);
      // (Once per consumer of the reports topic: the in-process transport parses before it filters by type.)
      expect(dead.length).toBeGreaterThanOrEqual(1);
      for (const letter of dead) expect(letter.reason).toMatch(/report\.scores\.dimensions\.0\.groups\.peer: Unrecognized key: "mean"/);
      const row = await stored();
      expect(row.report_version).toBe(2);
      expect(row.report).not.toContain('2.5');
    });

    // Since session 25 the scoring service sends report.updated v2: the report's item results packed in
    // rows. The gateway stores it as it came and reads it as the engine's objects, as it reads v1.
    it('shows a report sent packed (v2) exactly as the same report sent as objects (v1)', async () => {
      const shown = { n: 3, mean: 3.6667, sd: 0.5774, ci95: [2.2324, 5.101] as [number, number], rwg: 0.8333 };
      const report: ScoredReport = {
        ...reportWith({ suppressed: true, n: 2, reason: 'below the minimum of 3' }),
        items: {
          items: [
            {
              itemId: 'dl-1',
              dimensionId: 'develops-leaders',
              groups: {
                self: { n: 1, mean: 4, sd: null, ci95: null, rwg: null },
                direct_report: shown,
                peer: { suppressed: true, n: 2, reason: 'below the minimum of 3' },
              },
              others: { ...shown, includes: ['direct_report'] },
              gap: 0.3333,
            },
            {
              itemId: 'dl-2',
              dimensionId: 'develops-leaders',
              groups: {},
              others: { suppressed: true, n: 0, reason: 'no answers outside self' },
              gap: null,
            },
          ],
          highest: [{ itemId: 'dl-1', dimensionId: 'develops-leaders', others: 3.6667, n: 3, ci95: [2.2324, 5.101] }],
          lowest: [],
        },
      };
      const ITEMS = `query($c: ID!, $s: ID!, $r: String) { subjectReport(cycleId: $c, subjectId: $s, resultSet: $r) {
        reportVersion items { itemId dimensionId gap others { group n suppressed suppressionReason mean sd ciLow ciHigh rwg includes }
          groups { group n suppressed suppressionReason mean sd ciLow ciHigh rwg includes } } highestItems { itemId others n } } }`;
      const read = async () => (await gw.ok(acme.hr, ITEMS, { c: cycleId, s: subjectId, r: RECEIVED })).subjectReport;

      await send(10, report);
      const asObjects = await read();
      await send(11, report, JSON.stringify(packReport(report)), reportUpdatedV2 as never);
      const row = await stored();
      expect(row.report_version).toBe(11);
      expect(JSON.parse(row.report).items.rows).toHaveLength(2); // stored as it came: packed
      const asRows = await read();
      expect(asRows).toEqual({ ...asObjects, reportVersion: 11 });
      expect(asRows.items[0].groups).toContainEqual({
        group: 'peer',
        n: 2,
        suppressed: true,
        suppressionReason: 'below the minimum of 3',
        mean: null,
        sd: null,
        ciLow: null,
        ciHigh: null,
        rwg: null,
        includes: [],
      });
      expect(asRows.items[0].others).toMatchObject({ n: 3, mean: 3.6667, ciLow: 2.2324, ciHigh: 5.101, includes: ['direct_report'] });
      expect(asRows.items[1].others).toMatchObject({ n: 0, suppressed: true, mean: null });
      // a v2 event whose report is in the object form (v1's) is refused, as a v1 event in the packed form would be
      const deadBefore = gw.transport.deadLetters.length;
      await send(12, report, JSON.stringify(report), reportUpdatedV2 as never);
      expect(gw.transport.deadLetters.length).toBeGreaterThan(deadBefore);
      expect((await stored()).report_version).toBe(11);
    });
  });

  it('gives the manager a team view of the published figures', async () => {
    const team = (
      await gw.ok(ada, `query($c: ID!) { teamReport(cycleId: $c) { rows { subject { employeeId } responseCount } } }`, { c: cycleId })
    ).teamReport;
    expect(team.rows).toEqual([{ subject: { employeeId: 'l1' }, responseCount: 14 }]);
    expect(codeOf(await gw.gql(ben, `query($c: ID!) { teamReport(cycleId: $c) { cycleId } }`, { c: cycleId }))).toBe('FORBIDDEN'); // no report of Ben's was reviewed
  });

  // A subject without a report when results were released is published by their first report after
  // release, as the others are by each new one: they and their manager see it, as HR does.
  it('publishes a subject whose first report arrives after release', async () => {
    const cyId = acme.people.get('l2')!;
    const cy = await acme.signIn('cy');
    const cysReport = async (token: string) => (await gw.ok(token, REPORT, { c: cycleId, s: cyId })).subjectReport;
    expect(await cysReport(cy)).toBeNull();
    await gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, { ...updateOf(1, { self: 1, peer: 5 }), subjectId: cyId });
    expect(await cysReport(acme.hr)).toEqual({ reportVersion: 1, responseCount: 6, visibility: 'live' });
    expect(await cysReport(cy)).toEqual({ reportVersion: 1, responseCount: 6, visibility: 'published' });
    const team = (
      await gw.ok(ada, `query($c: ID!) { teamReport(cycleId: $c) { rows { subject { employeeId } responseCount } } }`, { c: cycleId })
    ).teamReport;
    expect(team.rows).toEqual([
      { subject: { employeeId: 'l1' }, responseCount: 14 },
      { subject: { employeeId: 'l2' }, responseCount: 6 },
    ]);
  });
});
