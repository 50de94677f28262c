/**
 * Issue #11 over HTTP: the five ways anonymity broke, each tried as an attacker would with the
 * public API and the roles the README describes. Every test here failed on the code before the
 * disclosure rule (docs/anonymity.md).
 */
import { getInstrument } from '@leaderscope/framework';
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { Platform, startPlatform } from '../src';
import { answersAt, Api, instrument, launchCycleForAda, LaunchedCycle, PASSWORD, Report, smallMoves, SUBJECT_REPORT } from './fixtures';

describe('anonymity against every viewer, across views and over time (issue #11)', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let dataSource: DataSource;
  let hr: string;
  const t: Record<string, string> = {};
  let cycle: LaunchedCycle;
  const THRESHOLD = 2;

  const tokens = (group: string) => cycle.invitations.filter((i) => i.group === group).map((i) => i.token);
  const recorded = async () =>
    Number(
      (await dataSource.query(`SELECT count(DISTINCT rater_id) AS n FROM scoring.rater_response WHERE cycle_id = $1`, [cycle.cycleId]))[0]
        .n,
    );
  const report = async (token: string, resultSet?: string): Promise<Report | null> =>
    (
      await api.ok(
        resultSet
          ? SUBJECT_REPORT.replace('$subjectId: ID!)', '$subjectId: ID!, $resultSet: String)').replace(
              'subjectId: $subjectId)',
              'subjectId: $subjectId, resultSet: $resultSet)',
            )
          : SUBJECT_REPORT,
        { cycleId: cycle.cycleId, subjectId: cycle.subjectId, resultSet },
        token,
      )
    ).subjectReport;

  /** A rater submits: every item at `level`, except the items listed, answered "not able to rate". */
  async function answer(token: string, level: number, notAbleToRate: (itemId: string) => boolean = () => false) {
    const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { dimensions { id items { id } } } }`, { t: token });
    const itemIds: string[] = raterSurvey.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((i) => i.id));
    const answers = answersAt(level, itemIds).map((a) => (notAbleToRate(a.itemId) ? { itemId: a.itemId, value: null } : a));
    const result = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
      input: {
        token,
        idempotencyKey: randomUUID(),
        answers,
        comments: [{ dimensionId: raterSurvey.dimensions[0].id, text: `my own words at ${level}` }],
      },
    });
    expect(result.errors).toBeUndefined();
    return raterSurvey.dimensions as { id: string; items: { id: string }[] }[];
  }
  /** Waits until the scoring service has stored `count` raters' answers, then a little for anything it would announce. */
  async function scored(count: number) {
    await eventually(`${count} raters stored by the scoring service`, async () => (await recorded()) >= count, 30000);
    await eventually(
      'the outbox to drain',
      async () => Number((await dataSource.query(`SELECT count(*) AS n FROM scoring.outbox_event WHERE published_at IS NULL`))[0].n) === 0,
      30000,
    );
    await new Promise((r) => setTimeout(r, 500));
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'anonymity-secret-0123456789abcdef',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
    // Two raters have no e-mail address: Claude Shannon (a peer who does not answer) and Dorothy
    // Report One (a skip-level who does). Everyone else's link comes from their invitation mail.
    cycle = await launchCycleForAda(api, hr, { anonymityThreshold: THRESHOLD, withoutEmail: ['E13', 'E1001'] });
    const { people } = await api.ok(`{ people { id employeeId } }`, {}, hr);
    const id = (e: string) => people.find((p: { employeeId: string }) => p.employeeId === e).id;
    for (const [key, employeeId] of [
      ['ada', 'E10'],
      ['grace', 'E1'],
    ]) {
      const { createAccount } = await api.ok(
        `mutation($p: ID!) { createAccount(personId: $p) { email temporaryPassword } }`,
        { p: id(employeeId) },
        hr,
      );
      t[key] = await api.login(createAccount.email, createAccount.temporaryPassword);
    }
    // Everyone but one peer and four skip-levels answers. Of the three direct reports, only the first
    // answers kt-4 (scored plainly in v2, the cycle's version, reverse-scored in v1); the other two
    // say "not able to rate" there.
    await answer(tokens('self')[0], 4);
    await answer(tokens('manager')[0], 3);
    for (const [i, token] of tokens('peer').slice(0, 2).entries()) await answer(token, 2 + i);
    for (const [i, token] of tokens('direct_report').entries()) await answer(token, 2 + i, (item) => i > 0 && item === 'kt-4');
    for (const [i, token] of tokens('skip_level').slice(0, 2).entries()) await answer(token, 3 + i);
    await scored(9);
  }, 180000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('leak 1: a submitted link shows that it was submitted and when, never the answers; HR lists only unanswered links of raters without e-mail', async () => {
    const submitted = tokens('direct_report')[0];
    const { raterSurvey } = await api.ok(
      `query($t: String!) { raterSurvey(token: $t) { status submittedAt answers { itemId value } comments { text } } }`,
      { t: submitted },
    );
    expect(raterSurvey.status).toBe('submitted');
    expect(new Date(raterSurvey.submittedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(raterSurvey.answers).toEqual([]);
    expect(raterSurvey.comments).toEqual([]);
    // The gateway keeps no copy of recorded answers either.
    const [row] = await dataSource.query(`SELECT draft_answers, draft_comments FROM gateway.assignment WHERE status = 'submitted' LIMIT 1`);
    expect(row).toEqual({ draft_answers: {}, draft_comments: {} });
    const audits = async () =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM gateway.audit_event WHERE action = 'invitations.listed'`))[0].n);
    const before = await audits();
    const { raterInvitations } = await api.ok(
      `query($c: ID!) { raterInvitations(cycleId: $c) { token status group rater { name email } } }`,
      { c: cycle.cycleId },
      hr,
    );
    // Of the raters without e-mail, Dorothy Report One submitted: only Claude Shannon's link is listed.
    // Every rater with an address (submitted or not) gets the link by mail, never from this list.
    expect(tokens('skip_level')[0]).toBe(cycle.invitations.find((i) => i.rater.name === 'Dorothy Report One')!.token);
    expect(raterInvitations).toEqual([
      {
        token: cycle.invitations.find((i) => i.rater.name === 'Claude Shannon')!.token,
        status: 'invited',
        group: 'peer',
        rater: { name: 'Claude Shannon', email: null },
      },
    ]);
    expect(raterInvitations.map((i: { token: string }) => i.token)).not.toContain(submitted);
    // The CSV export holds the same one link, and no rater with an address.
    const { surveyLinksCsv } = await api.ok(`query($c: ID!) { surveyLinksCsv(cycleId: $c) }`, { c: cycle.cycleId }, hr);
    const lines = (surveyLinksCsv as string).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Claude Shannon,E13,Ada Lovelace,peer,invited,.*\/survey\//);
    expect(surveyLinksCsv).not.toMatch(/@example\.org/);
    const [listed] = await dataSource.query(
      `SELECT detail FROM gateway.audit_event WHERE action = 'invitations.listed' ORDER BY id DESC LIMIT 1`,
    );
    // 9 submitted; of the others, 1 without e-mail is listed, the rest get their links by mail.
    expect(listed.detail).toEqual({ count: 1, byMail: cycle.invitations.length - 9 - 1 });
    expect(await audits()).toBe(before + 1);
  });

  it("leak 4: a rescore that scores one rater's item differently is never shown beside the live figures", async () => {
    // The cycle runs on the latest version (v2); v1 reverse-scores kt-4.
    expect(instrument.version).toBe(2);
    expect(instrument.items.find((i) => i.id === 'kt-4')?.reverse).toBeFalsy();
    expect(getInstrument(instrument.id, 1).items.find((i) => i.id === 'kt-4')?.reverse).toBe(true);
    const live = await report(hr);
    expect(live).not.toBeNull();
    const { rescoreCycle } = await api.ok(
      `mutation($c: ID!) { rescoreCycle(cycleId: $c, instrumentVersion: 1) { rescoreId } }`,
      { c: cycle.cycleId },
      hr,
    );
    await eventually(
      'the rescore to be decided',
      async () =>
        Number(
          (await dataSource.query(`SELECT count(*) AS n FROM scoring.subject_report WHERE result_set = $1`, [rescoreCycle.rescoreId]))[0].n,
        ) === 1,
      30000,
    );
    await scored(9);
    const rescored = await report(hr, rescoreCycle.rescoreId);
    // Shown side by side, the two direct-report means on keeps-on-track would differ by what the
    // one rater who answered kt-4 answered there: (v2 counts x, v1 counts 6 − x).
    const kt = (r: Report | null) =>
      r?.dimensions.find((d) => d.dimensionId === 'keeps-on-track')?.groups.find((g) => g.group === 'direct_report');
    if (rescored) expect(kt(rescored)?.mean).toBe(kt(live)?.mean);
    expect(rescored).toBeNull(); // withheld by the disclosure rule
    const { resultSets } = await api.ok(`query($c: ID!) { resultSets(cycleId: $c) }`, { c: cycle.cycleId }, hr);
    expect(resultSets).toEqual(['live']);
  }, 60000);

  it("leak 2: one more submission never moves HR's live figures while the progress names who answered", async () => {
    const before = await report(hr);
    const progress = async () =>
      (
        await api.ok(
          `query($c: ID!) { cycleProgressSubjects(cycleId: $c) { nodes { nonResponders { group rater { name } } } } }`,
          { c: cycle.cycleId },
          hr,
        )
      ).cycleProgressSubjects;
    const peersBefore = (await progress()).nodes[0].nonResponders.filter((n: { group: string }) => n.group === 'peer');
    await answer(tokens('peer')[2], 5);
    await scored(10);
    const after = await report(hr);
    const peersAfter = (await progress()).nodes[0].nonResponders.filter((n: { group: string }) => n.group === 'peer');
    expect(peersBefore.length - peersAfter.length).toBe(1); // HR sees who answered (for reminders)...
    expect(smallMoves(before, after, THRESHOLD)).toEqual([]); // ...and no figure moves by that one person
    expect(after).toEqual(before);
  }, 60000);

  it('leak 3: two late raters after release, one "not able to rate" on a dimension: the leader\'s report never moves by one rater', async () => {
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr);
    const before = await report(t.ada);
    expect(before).not.toBeNull();
    const late = tokens('skip_level').slice(2, 4);
    await answer(late[0], 1);
    const dims = await answer(late[1], 5, (item) =>
      item.startsWith(instrument.items.find((i) => i.observers.includes('skip_level'))!.id.split('-')[0]),
    );
    expect(dims.length).toBeGreaterThan(1);
    await scored(12);
    for (const who of [t.ada, t.grace, hr]) {
      const after = await report(who);
      expect(smallMoves(before, after, THRESHOLD)).toEqual([]);
    }
  }, 60000);

  it("leak 5: a leader's subscription hears nothing when one late rater answers, and ends within seconds of logout", async () => {
    // A fifth skip-level joins the two held back since leak 3: three new raters, the figures move.
    await answer(tokens('skip_level')[4], 4);
    await scored(13);
    const client = createClient({
      url: platform.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${t.ada}` },
    });
    const pushes: unknown[] = [];
    let ended: unknown = null;
    client.subscribe(
      {
        query: `subscription($c: ID!, $s: ID!) { subjectReportChanged(cycleId: $c, subjectId: $s) { responseCount } }`,
        variables: { c: cycle.cycleId, s: cycle.subjectId },
      },
      { next: (m) => pushes.push(m.data), error: (e) => (ended = e ?? 'error'), complete: () => (ended = ended ?? 'complete') },
    );
    await new Promise((r) => setTimeout(r, 500));
    await answer(tokens('skip_level')[5], 4); // the last one, alone
    await scored(14);
    expect(pushes).toEqual([]); // nothing the leader may read changed, so nothing is pushed
    expect(ended).toBeNull(); // ...and the subscription is still open while the session lasts
    const loggedOut = await api.ok(`mutation { logout }`, {}, t.ada);
    expect(loggedOut.logout).toBe(true);
    const started = Date.now();
    await eventually('the subscription to end after logout', async () => ended !== null, 10000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ended).toMatchObject({ code: 4401, reason: 'Session ended: sign in again' }); // the socket's close event
    await client.dispose();
  }, 60000);
});
