/**
 * The gateway's protections: query depth and complexity limits, introspection switched off when
 * configured, no stack traces to clients, and live updates over GraphQL subscriptions (graphql-ws).
 */
import { catalogue, createEnvelope, InProcessTransport, responseRejectedV1 } from '@leaderscope/events';
import { createGateway, provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { createClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, PASSWORD } from './fixtures';

describe('gateway hardening and live updates', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      introspection: false,
      secret: 'hardening-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    await provisionOrganisation(platform.gateway.get(DataSource), { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('refuses queries that are too expensive', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `c${i}: cycles { subjects { id name email } minRaters { group count } }`).join(' ');
    const result = await api.call(`{ ${fields} }`, {}, hr);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/Query is too complex: \d+ \(the limit is 5000\)/);
  });

  it('turns introspection off when configured', async () => {
    const result = await api.call(`{ __schema { types { name } } }`, {}, hr);
    expect(result.errors![0].message).toMatch(/introspection/i);
  });

  it('never sends stack traces, even for malformed requests', async () => {
    const notJson = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).not.toMatch(/stacktrace|at .*\.js:\d+|node_modules/);
    const badQuery = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { ' }),
    });
    const body = (await badQuery.json()) as { errors: { extensions: { code: string } }[] };
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+|node_modules/);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('pushes cycle progress and report changes to subscribers', async () => {
    const cycle = await launchCycleForAda(api, hr);
    const client = createClient({
      url: platform.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${hr}` },
    });
    const progress: number[] = [];
    const reports: number[] = [];
    const stopProgress = client.subscribe<{ cycleProgressChanged: { submitted: number } }>(
      { query: `subscription($c: ID!) { cycleProgressChanged(cycleId: $c) { submitted } }`, variables: { c: cycle.cycleId } },
      {
        next: (m) => progress.push(m.data!.cycleProgressChanged.submitted),
        error: (e) => {
          throw e;
        },
        complete: () => {},
      },
    );
    const stopReports = client.subscribe<{ subjectReportChanged: { responseCount: number } | null }>(
      {
        query: `subscription($c: ID!, $s: ID!) { subjectReportChanged(cycleId: $c, subjectId: $s) { responseCount } }`,
        variables: { c: cycle.cycleId, s: cycle.subjectId },
      },
      {
        next: (m) => reports.push(m.data!.subjectReportChanged?.responseCount ?? 0),
        error: (e) => {
          throw e;
        },
        complete: () => {},
      },
    );
    await new Promise((r) => setTimeout(r, 300)); // let both subscriptions register
    const peers = cycle.invitations.filter((i) => i.group === 'peer');
    for (const [i, peer] of peers.entries()) await answerSurvey(api, peer.token, 2 + i);
    await eventually('a progress update with three submissions', async () => progress.includes(3));
    await eventually('a report update with three responses', async () => reports.includes(3));
    stopProgress();
    stopReports();
    await client.dispose();

    // Without a valid token the subscription is refused.
    const stranger = createClient({ url: platform.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
    const refusal = await new Promise<unknown>((resolve) => {
      stranger.subscribe(
        { query: `subscription($c: ID!) { cycleProgressChanged(cycleId: $c) { submitted } }`, variables: { c: cycle.cycleId } },
        {
          next: () => resolve('got data'),
          error: (e) => resolve(e),
          complete: () => resolve('completed'),
        },
      );
    });
    expect(JSON.stringify(refusal)).toMatch(/UNAUTHENTICATED|Sign in first/);
    await stranger.dispose();
  }, 60000);

  it('tells subscribers on another gateway replica, through PostgreSQL NOTIFY', async () => {
    const cycle = await launchCycleForAda(api, hr);
    // A second gateway on the same database, as a second replica would be.
    const transport = new InProcessTransport(catalogue);
    const replica = await createGateway({ databaseUrl: db.url, transport, secret: 'hardening-secret-0123456789', logger: false });
    await replica.listen(0, '127.0.0.1');
    try {
      const address = replica.getHttpServer().address() as { port: number };
      const client = createClient({
        url: `ws://127.0.0.1:${address.port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${hr}` },
      });
      const seen: number[] = [];
      const stop = client.subscribe<{ cycleProgressChanged: { submitted: number } }>(
        { query: `subscription($c: ID!) { cycleProgressChanged(cycleId: $c) { submitted } }`, variables: { c: cycle.cycleId } },
        { next: (m) => seen.push(m.data!.cycleProgressChanged.submitted), error: () => {}, complete: () => {} },
      );
      await new Promise((r) => setTimeout(r, 300));
      await answerSurvey(api, cycle.invitations[0].token, 3); // through the first gateway
      await eventually('the replica to push the new progress', async () => seen.includes(1));
      stop();
      await client.dispose();
    } finally {
      await replica.close();
      await transport.close();
    }
  }, 60000);

  it('lets a rater read back why the survey service refused an answer, and answer again', async () => {
    const cycle = await launchCycleForAda(api, hr);
    const [invitation] = cycle.invitations.filter((i) => i.group === 'peer');
    const { result } = await answerSurvey(api, invitation.token, 4);
    const submissionId = result.data.submitSurvey.submissionId;
    const receipt = async () =>
      (
        await api.ok(`query($t: String!) { submissionReceipt(token: $t) { submissionId status reasons { field message } } }`, {
          t: invitation.token,
        })
      ).submissionReceipt;
    await eventually('the answer to be recorded', async () => (await receipt()).status === 'recorded');

    // The survey service's verdict arrives as an event (here sent straight onto the transport).
    const rejection = createEnvelope(
      responseRejectedV1,
      {
        submissionId,
        cycleId: cycle.cycleId,
        subjectId: cycle.subjectId,
        raterId: 'assignment',
        reasons: [{ field: 'answers.dl-1', message: 'not asked of this group' }],
        rejectedAt: new Date().toISOString(),
      },
      { organisationId: 'o' },
    );
    await platform.transport.publish([rejection]);
    await eventually('the rejection to reach the receipt', async () => (await receipt()).status === 'rejected');
    expect((await receipt()).reasons).toEqual([{ field: 'answers.dl-1', message: 'not asked of this group' }]);
    const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { status } }`, { t: invitation.token });
    expect(raterSurvey.status).toBe('started');
    const again = await answerSurvey(api, invitation.token, 3);
    expect(again.result.data.submitSurvey.status).toBe('accepted');
    await eventually('the new answer to be recorded', async () => (await receipt()).status === 'recorded');

    // The old rejection delivered again (same event) and repeated by its producer (a new event id):
    // neither reopens the survey the rater has submitted since.
    const repeated = { ...rejection, id: randomUUID() };
    await platform.transport.publish([rejection, repeated]);
    await eventually('both to be handled', async () => {
      const [{ n }] = await platform.gateway
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS n FROM gateway.processed_event WHERE consumer = 'response-outcomes' AND event_id = ANY($1::uuid[])`,
          [[rejection.id, repeated.id]],
        );
      return n === 2;
    });
    expect((await api.ok(`query($t: String!) { raterSurvey(token: $t) { status } }`, { t: invitation.token })).raterSurvey.status).toBe(
      'submitted',
    );
    expect((await receipt()).submissionId).toBe(again.result.data.submitSurvey.submissionId);
    expect((await receipt()).status).toBe('recorded');
  }, 60000);

  it('serialises close and release on the cycle row: racing them never leaves a closed cycle with released results', async () => {
    const states: string[] = [];
    for (let round = 0; round < 4; round++) {
      const cycle = await launchCycleForAda(api, hr);
      const [close, release] = await Promise.all([
        api.call(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr),
        api.call(`mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr),
      ]);
      expect(close.errors).toBeUndefined();
      expect(release.errors).toBeUndefined();
      const [row] = await platform.gateway
        .get(DataSource)
        .query(`SELECT status, released_at, closed_at FROM gateway.cycle WHERE id = $1`, [cycle.cycleId]);
      states.push(`${row.status}/${row.released_at ? 'releasedAt' : '-'}/${row.closed_at ? 'closedAt' : '-'}`);
      // Both happened, in one order or the other: the cycle is released, closed, with its release time.
      expect(row.status).toBe('released');
      expect(row.released_at).not.toBeNull();
      expect(row.closed_at).not.toBeNull();
    }
    console.log(`close racing release: ${states.join(', ')}`);
  }, 120000);

  it('proposes raters in one audited transaction, and not once the cycle is launched', async () => {
    const cycle = await launchCycleForAda(api, hr);
    const [audit] = await platform.gateway
      .get(DataSource)
      .query(`SELECT detail FROM gateway.audit_event WHERE action = 'raters.proposed' AND target = $1`, [`cycle:${cycle.cycleId}`]);
    expect(audit.detail.proposals).toBeGreaterThanOrEqual(cycle.invitations.length);
    const again = await api.call(`mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycle.cycleId }, hr);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  }, 60000);

  it('scopes an idempotency key to its assignment: two raters with the same key each get their own receipt', async () => {
    const cycle = await launchCycleForAda(api, hr);
    const [a, b] = cycle.invitations.filter((i) => i.group === 'peer');
    const key = randomUUID();
    // A submitted link shows no form (docs/anonymity.md), so each rater's items are read once, before.
    const items = new Map<string, string[]>();
    for (const i of [a, b]) {
      const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { dimensions { items { id } } } }`, { t: i.token });
      items.set(
        i.token,
        raterSurvey.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((x) => x.id)),
      );
    }
    const submit = async (token: string) => {
      const itemIds = items.get(token)!;
      return api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status } }`, {
        input: { token, idempotencyKey: key, answers: itemIds.map((itemId: string) => ({ itemId, value: 3 })), comments: [] },
      });
    };
    const [first, second] = await Promise.all([submit(a.token), submit(b.token)]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data.submitSurvey.submissionId).not.toBe(second.data.submitSurvey.submissionId);
    // The same rater, same key, same body: the same receipt.
    expect((await submit(a.token)).data.submitSurvey.submissionId).toBe(first.data.submitSurvey.submissionId);
  }, 60000);
});
