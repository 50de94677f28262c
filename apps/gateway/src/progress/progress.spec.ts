/** Cycle progress through GraphQL on a real PostgreSQL: who has answered, per subject and group, never what. */
import { eventually } from '@leaderscope/testing';
import { createClient, Client as WsClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { codeOf, fullAnswers, Organisation, SUBMIT, TestGateway } from '../test-support/test-gateway';

// The cycle's counts and its subjects' rows (one page holds them all here), as the progress tab reads them.
const PROGRESS = `query($c: ID!) { cycleProgress(cycleId: $c) { cycleId status invited started submitted responseRate }
  cycleProgressSubjects(cycleId: $c, first: 500) { nodes { subject { employeeId } groups { group invited started submitted }
    nonResponders { rater { employeeId } group started } } pageInfo { hasNextPage } } }`;

describe('progress', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  let ada: string;
  let cycleId: string;
  const progress = async () => {
    const { cycleProgress, cycleProgressSubjects } = await gw.ok(acme.hr, PROGRESS, { c: cycleId });
    expect(cycleProgressSubjects.pageInfo.hasNextPage).toBe(false);
    return { ...cycleProgress, subjects: cycleProgressSubjects.nodes };
  };

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    [ben, ada] = await Promise.all(['ben', 'ada'].map((p) => acme.signIn(p)));
    cycleId = await gw.launchedCycle(acme, ['l1', 'l2']);
  });

  afterAll(() => gw?.stop());

  it('starts with everyone invited, per subject and group in group order', async () => {
    const p = await progress();
    // l1: self, manager, 2 peers, 4 direct reports, 2 skip-levels; l2: self, manager, 2 peers, 1 direct report
    expect(p).toMatchObject({ cycleId, status: 'LAUNCHED', invited: 15, started: 0, submitted: 0, responseRate: 0 });
    const ben = p.subjects.find((s: { subject: { employeeId: string } }) => s.subject.employeeId === 'l1');
    expect(ben.groups).toEqual([
      { group: 'self', invited: 1, started: 0, submitted: 0 },
      { group: 'manager', invited: 1, started: 0, submitted: 0 },
      { group: 'peer', invited: 2, started: 0, submitted: 0 },
      { group: 'direct_report', invited: 4, started: 0, submitted: 0 },
      { group: 'skip_level', invited: 2, started: 0, submitted: 0 },
    ]);
    expect(ben.nonResponders).toHaveLength(10);
  });

  it('counts drafts as started and submissions as submitted; revoked links leave the counts', async () => {
    const links = (await gw.links(acme, cycleId)).filter((l) => l.subject.employeeId === 'l1'); // as mailed
    const token = (rater: string) => links.find((l) => l.rater.employeeId === rater)!.token;
    await gw.ok(null, SUBMIT, { input: { token: token('m1'), idempotencyKey: randomUUID(), answers: fullAnswers('direct_report') } });
    await gw.ok(null, SUBMIT, { input: { token: token('l2'), idempotencyKey: randomUUID(), answers: fullAnswers('peer') } });
    await gw.ok(null, `mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered } }`, {
      input: { token: token('m2'), answers: fullAnswers('direct_report').slice(0, 1) },
    });
    await gw.ok(acme.hr, `mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`, {
      a: links.find((l) => l.rater.employeeId === 'e2')!.assignmentId,
    });

    const p = await progress();
    expect(p).toMatchObject({ invited: 14, started: 3, submitted: 2, responseRate: 2 / 14 });
    // The counts (PostgreSQL's) are the sum of the subjects' rows.
    const sum = (k: 'invited' | 'started' | 'submitted') =>
      (p.subjects as { groups: Record<typeof k, number>[] }[]).flatMap((x) => x.groups).reduce((n, g) => n + g[k], 0);
    expect({ invited: sum('invited'), started: sum('started'), submitted: sum('submitted') }).toEqual({
      invited: p.invited,
      started: p.started,
      submitted: p.submitted,
    });
    const ben = p.subjects.find((s: { subject: { employeeId: string } }) => s.subject.employeeId === 'l1');
    expect(ben.groups).toEqual([
      { group: 'self', invited: 1, started: 0, submitted: 0 },
      { group: 'manager', invited: 1, started: 0, submitted: 0 },
      { group: 'peer', invited: 2, started: 1, submitted: 1 },
      { group: 'direct_report', invited: 4, started: 2, submitted: 1 },
      { group: 'skip_level', invited: 1, started: 0, submitted: 0 },
    ]);
    const waiting = ben.nonResponders.map((n: { rater: { employeeId: string }; group: string; started: boolean }) => n.rater.employeeId);
    expect(waiting.sort()).toEqual(['ceo', 'e1', 'l1', 'l3', 'm2', 'm3', 'm4']);
    expect(ben.nonResponders.find((n: { rater: { employeeId: string } }) => n.rater.employeeId === 'm2')).toEqual({
      rater: { employeeId: 'm2' },
      group: 'direct_report',
      started: true,
    });
    // The other subject is untouched.
    const cy = p.subjects.find((s: { subject: { employeeId: string } }) => s.subject.employeeId === 'l2');
    expect(cy.nonResponders).toHaveLength(5);
  });

  it('pushes the progress again to an HR subscriber when it changes, and refuses the subscription to others', async () => {
    const connect = (token: string): WsClient =>
      createClient({
        url: gw.url.replace('http', 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
      });
    const hr = connect(acme.hr);
    const leader = connect(ben);
    try {
      const pushed: { submitted: number }[] = [];
      const refused: unknown[] = [];
      const query = `subscription($c: ID!) { cycleProgressChanged(cycleId: $c) { submitted } }`;
      hr.subscribe<{ cycleProgressChanged: { submitted: number } }>(
        { query, variables: { c: cycleId } },
        { next: (m) => void pushed.push(m.data!.cycleProgressChanged), error: () => undefined, complete: () => undefined },
      );
      leader.subscribe(
        { query, variables: { c: cycleId } },
        { next: (m) => void refused.push(m), error: (e) => void refused.push(e), complete: () => undefined },
      );
      await new Promise((r) => setTimeout(r, 300)); // subscribed
      const links = await gw.links(acme, cycleId); // as mailed
      const token = links.find((l) => l.subject.employeeId === 'l1' && l.rater.employeeId === 'm3')!.token;
      await gw.ok(null, SUBMIT, { input: { token, idempotencyKey: randomUUID(), answers: fullAnswers('direct_report') } });
      await eventually('the push after the submission', () => Promise.resolve(pushed.some((p) => p.submitted === 3)));
      await eventually('the refusal', () => Promise.resolve(refused.length === 1));
      expect(JSON.stringify(refused[0])).toContain('FORBIDDEN');
    } finally {
      await Promise.all([hr.dispose(), leader.dispose()]);
    }
  });

  it('shows the cycle status as it changes', async () => {
    await gw.ok(acme.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycleId });
    expect((await progress()).status).toBe('CLOSED');
  });

  it('is HR-only, and refuses a cycle of another organisation', async () => {
    for (const token of [ben, ada]) expect(codeOf(await gw.gql(token, PROGRESS, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, PROGRESS, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(null, PROGRESS, { c: cycleId }))).toBe('UNAUTHENTICATED');
  });
});
