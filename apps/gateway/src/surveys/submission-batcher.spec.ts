/**
 * The submitSurvey hot path (group commit) on a real PostgreSQL, through the gateway's GraphQL:
 * many concurrent submissions, duplicates, conflicts and bad ones mixed in; every accepted one has
 * its receipt, its assignment marked and its outbox row, and a failing one never sinks its group.
 */
import { catalogue, InProcessTransport } from '@leaderscope/events';
import { DEFAULT_INSTRUMENT_ID, getInstrument } from '@leaderscope/framework';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createGateway, provisionOrganisation } from '../index';
import { hashToken } from '../accounts/secrets';
import { SubmissionBatcher } from './submission-batcher';

const PASSWORD = 'correct-horse-battery';
const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);

/** 10 leaders of leaders, 5 under each of 2 heads: about 15 raters each after proposeRaters. */
function organisationCsv(): string {
  const rows = ['employee_id,name,email,manager_id,title,department', 'CEO,Chief Person,ceo@x.test,,Chief Executive,Ops'];
  for (let h = 0; h < 2; h++) rows.push(`H${h},Head ${h},h${h}@x.test,CEO,Head,Ops`);
  for (let l = 0; l < 10; l++) {
    rows.push(`L${l},Leader ${l},l${l}@x.test,H${Math.floor(l / 5)},Leader,Ops`);
    for (let t = 0; t < 3; t++) {
      rows.push(`L${l}T${t},Lead ${l}-${t},l${l}t${t}@x.test,L${l},Team lead,Ops`);
      for (let e = 0; e < 2; e++) rows.push(`L${l}T${t}E${e},Person ${l}-${t}-${e},l${l}t${t}e${e}@x.test,L${l}T${t},,Ops`);
    }
  }
  return rows.join('\n') + '\n';
}

function answersFor(group: string, value = 3) {
  return instrument.items.filter((i) => i.observers.includes(group as never)).map((i) => ({ itemId: i.id, value }));
}

describe('submitSurvey group commit', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let hr: string;
  let dataSource: DataSource;
  let invitations: { token: string; group: string }[];

  async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  }
  async function ok(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const result = await gql(query, variables, token);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }
  const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status } }`;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createGateway({ databaseUrl: db.url, transport: new InProcessTransport(catalogue), secret: 'batcher-secret-0123456789', logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    dataSource = app.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = (await ok(`mutation { login(email: "hr@org.test", password: "${PASSWORD}") { token } }`)).login.token;
    const imported = await ok(`mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied errors { reason } } }`, { csv: organisationCsv() }, hr);
    expect(imported.importPeople.applied).toBe(true);
    const { people } = await ok(`{ people(leadersOfLeadersOnly: true) { id employeeId } }`, {}, hr);
    const leaders = people.filter((p: { employeeId: string }) => /^L\d+$/.test(p.employeeId));
    expect(leaders).toHaveLength(10);
    const now = Date.now();
    const { createCycle } = await ok(`mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`, {
      input: { name: 'Group commit', anonymityThreshold: 3, opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 86400_000).toISOString() },
    }, hr);
    const cycleId = createCycle.id;
    await ok(`mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c: cycleId, p: leaders.map((l: { id: string }) => l.id) }, hr);
    await ok(`mutation($c: ID!) { proposeRaters(cycleId: $c) { id } }`, { c: cycleId }, hr);
    for (const leader of leaders) await ok(`mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { id } }`, { c: cycleId, s: leader.id }, hr);
    await ok(`mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: cycleId }, hr);
    invitations = (await ok(`query($c: ID!) { raterInvitations(cycleId: $c) { token group } }`, { c: cycleId }, hr)).raterInvitations;
    expect(invitations.length).toBeGreaterThanOrEqual(140);
  }, 120000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('accepts many concurrent submissions in shared transactions, with duplicates, conflicts and bad ones mixed in', async () => {
    const batcher = app.get(SubmissionBatcher);
    const groupsBefore = batcher.stats.groups;
    // 5 invitations get only bad answers; the last 5 are left for the next test.
    const mine = invitations.slice(0, -10);
    const badOnly = invitations.slice(-10, -5);
    const valid = mine.map((inv) => ({ token: inv.token, idempotencyKey: randomUUID(), answers: answersFor(inv.group), comments: [] }));
    const requests: { kind: string; index: number; input: unknown }[] = valid.map((input, index) => ({ kind: 'valid', index, input }));
    // The same request twice (a retry racing the original): the same receipt.
    for (let i = 0; i < 20; i++) requests.push({ kind: 'retry', index: i, input: valid[i] });
    // The same key with another body: refused, whichever of the two comes first.
    for (let i = 20; i < 25; i++) requests.push({ kind: 'other-body', index: i, input: { ...valid[i], answers: answersFor(mine[i].group, 4) } });
    // A second submission of the same survey under another key: refused as submitted already.
    for (let i = 25; i < 30; i++) requests.push({ kind: 'second', index: i, input: { ...valid[i], idempotencyKey: randomUUID() } });
    // Bad answers and an unknown link, beside good ones: refused alone.
    badOnly.forEach((inv, i) => {
      const answers = answersFor(inv.group);
      answers[1] = { ...answers[1], value: 9 };
      requests.push({ kind: 'off-scale', index: 30 + i, input: { token: inv.token, idempotencyKey: randomUUID(), answers, comments: [] } });
    });
    requests.push({ kind: 'unknown-link', index: -1, input: { ...valid[0], token: 'x'.repeat(43), idempotencyKey: randomUUID() } });
    // Shuffle deterministically so the kinds interleave inside groups.
    requests.sort((a, b) => (a.index * 7919 + a.kind.length) % 97 - (b.index * 7919 + b.kind.length) % 97);

    const results = await Promise.all(requests.map(async (r) => ({ ...r, result: await gql(SUBMIT, { input: r.input }) })));

    const byKind = (kind: string) => results.filter((r) => r.kind === kind);
    const validReceipt = new Map(byKind('valid').map((r) => [r.index, r.result]));
    // Every plain valid submission outside the conflict pairs is accepted.
    for (const r of byKind('valid').filter((v) => v.index < 20 || v.index >= 25)) {
      expect(r.result.errors).toBeUndefined();
      expect(r.result.data.submitSurvey.status).toBe('accepted');
    }
    // Retries get the very same receipt.
    for (const r of byKind('retry')) expect(r.result.data.submitSurvey.submissionId).toBe(validReceipt.get(r.index)!.data.submitSurvey.submissionId);
    // Same key, other body: exactly one of the two is accepted, the other refused as a conflict.
    for (const r of byKind('other-body')) {
      const pair = [r.result, validReceipt.get(r.index)!];
      expect(pair.filter((p) => p.data?.submitSurvey?.status === 'accepted')).toHaveLength(1);
      const refused = pair.find((p) => p.errors)!;
      expect(refused.errors![0].extensions.code).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(/idempotency key was already used/);
    }
    for (const r of byKind('second')) {
      expect(r.result.errors![0].extensions.code).toBe('CONFLICT');
      expect(r.result.errors![0].message).toMatch(/submitted already/);
    }
    for (const r of byKind('off-scale')) {
      expect(r.result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.answers[1].value' })]);
    }
    expect(byKind('unknown-link')[0].result.errors![0].extensions.code).toBe('FORBIDDEN');

    // Stored: one receipt per survey, every assignment submitted, one outbox row per receipt.
    const stored: { id: string; assignment_id: string; request_hash: string }[] = await dataSource.query(`SELECT id, assignment_id, request_hash FROM gateway.submission`);
    expect(stored).toHaveLength(mine.length);
    const acceptedIds = new Set(results.filter((r) => r.result.data?.submitSurvey).map((r) => r.result.data.submitSurvey.submissionId));
    expect(new Set(stored.map((s) => s.id))).toEqual(acceptedIds);
    const events: { submission_id: string; answers: Record<string, number> }[] = await dataSource.query(
      `SELECT envelope->'payload'->>'submissionId' AS submission_id, envelope->'payload'->'answers' AS answers
         FROM gateway.outbox_event WHERE envelope->>'type' = 'survey.submitted'`,
    );
    expect(events.map((e) => e.submission_id).sort()).toEqual(stored.map((s) => s.id).sort());
    const statuses: { status: string; n: string }[] = await dataSource.query(
      `SELECT status, count(*) AS n FROM gateway.assignment WHERE token_hash = ANY($1) GROUP BY status`,
      [mine.map((m) => hashToken(m.token))],
    );
    expect(statuses).toEqual([{ status: 'submitted', n: String(mine.length) }]);
    const untouched: { status: string }[] = await dataSource.query(`SELECT DISTINCT status FROM gateway.assignment WHERE token_hash = ANY($1)`, [badOnly.map((m) => hashToken(m.token))]);
    expect(untouched).toEqual([{ status: 'invited' }]);
    // The stored receipt of a conflicting pair is the body that won.
    for (const r of byKind('other-body')) {
      const winner = r.result.data?.submitSurvey ? (r.input as { answers: unknown; comments: unknown }) : valid[r.index];
      const hash = createHash('sha256').update(JSON.stringify({ answers: winner.answers, comments: winner.comments ?? [] })).digest('hex');
      expect(stored.find((s) => s.request_hash === hash)).toBeDefined();
    }
    // They were grouped: fewer transactions than submissions.
    expect(batcher.stats.largestGroup).toBeGreaterThan(1);
    expect(batcher.stats.groups - groupsBefore).toBeLessThan(requests.length);
  });

  it('retries a failed group one by one, so only the failing submission fails', async () => {
    const batcher = app.get(SubmissionBatcher);
    const rest = invitations.slice(-5);
    const poisoned = randomUUID();
    // A statement failure inside the group's transaction, as a race with another replica would cause.
    await dataSource.query(`
      CREATE FUNCTION gateway.poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.idempotency_key = '${poisoned}' THEN RAISE EXCEPTION 'poisoned submission'; END IF; RETURN NEW; END $$`);
    await dataSource.query(`CREATE TRIGGER poison BEFORE INSERT ON gateway.submission FOR EACH ROW EXECUTE FUNCTION gateway.poison()`);
    try {
      const fallbacksBefore = batcher.stats.fallbacks;
      const outcomes = await Promise.allSettled(
        rest.map((inv, i) =>
          batcher.submit({
            input: { token: inv.token, idempotencyKey: i === 2 ? poisoned : randomUUID(), answers: answersFor(inv.group), comments: [] },
            tokenHash: hashToken(inv.token),
            requestHash: `hash-${i}`,
          }),
        ),
      );
      expect(batcher.stats.fallbacks).toBe(fallbacksBefore + 1);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const ids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.receipt.submissionId] : []));
      const events: { n: string }[] = await dataSource.query(
        `SELECT count(*) AS n FROM gateway.outbox_event WHERE envelope->'payload'->>'submissionId' = ANY($1)`,
        [ids],
      );
      expect(Number(events[0].n)).toBe(4);
      const poisonedAssignment: { status: string }[] = await dataSource.query(`SELECT status FROM gateway.assignment WHERE token_hash = $1`, [hashToken(rest[2].token)]);
      expect(poisonedAssignment[0].status).toBe('invited');
    } finally {
      await dataSource.query(`DROP TRIGGER poison ON gateway.submission; DROP FUNCTION gateway.poison()`);
    }
  });
});
