/**
 * The submitSurvey hot path (group commit on prepared statements) on a real PostgreSQL: 200
 * submissions in parallel through GraphQL, then groups put together on purpose (submissions handed
 * to the batcher in the same tick share one transaction) with an idempotent repeat, a conflicting
 * body, another rater's identical key and a bad answer among good ones; and a group whose
 * transaction fails as a whole, retried one by one (four at a time) so only the failing submissions fail.
 */
import { DEFAULT_INSTRUMENT_ID, getInstrument } from '@leaderscope/framework';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { hashToken } from '../accounts/secrets';
import { codeOf, cycleInput, Organisation, TestGateway } from '../test-support/test-gateway';
import { SubmitSurveyInput } from './dto/survey.input';
import { SubmissionStatusValue } from './dto/survey.model';
import { PendingSubmission, SubmissionBatcher } from './submission-batcher';

const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);
const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status } }`;

/** 16 leaders of leaders, 8 under each of 2 heads; each leads 3 team leads with 2 people each. */
function organisationCsv(): string {
  const rows = ['employee_id,name,email,manager_id', 'ceo,Chief Person,ceo@org.test,'];
  for (let h = 0; h < 2; h++) rows.push(`h${h},Head Person ${h},h${h}@org.test,ceo`);
  for (let l = 0; l < 16; l++) {
    rows.push(`l${l},Leader Person ${l},l${l}@org.test,h${Math.floor(l / 8)}`);
    for (let t = 0; t < 3; t++) {
      rows.push(`l${l}t${t},Lead Person ${l} ${t},l${l}t${t}@org.test,l${l}`);
      for (let e = 0; e < 2; e++) rows.push(`l${l}t${t}e${e},Team Person ${l} ${t} ${e},l${l}t${t}e${e}@org.test,l${l}t${t}`);
    }
  }
  return rows.join('\n');
}

function answersFor(group: string, value = 3) {
  return instrument.items.filter((i) => i.observers.includes(group as never)).map((i) => ({ itemId: i.id, value }));
}

function requestHash(input: Pick<SubmitSurveyInput, 'answers' | 'comments'>): string {
  // The use-case's hash is of the same shape; the batcher only compares hashes.
  return JSON.stringify({ answers: input.answers, comments: input.comments ?? [] });
}

describe('submitSurvey group commit', () => {
  let gw: TestGateway;
  let org: Organisation;
  let invitations: { token: string; group: string }[];
  let batcher: SubmissionBatcher;

  const pending = (input: SubmitSurveyInput): PendingSubmission => ({
    input,
    tokenHash: hashToken(input.token),
    requestHash: requestHash(input),
  });
  const valid = (inv: { token: string; group: string }, value = 3): SubmitSurveyInput => ({
    token: inv.token,
    idempotencyKey: randomUUID(),
    answers: answersFor(inv.group, value),
    comments: [],
  });
  const count = async (sql: string, params: unknown[] = []) => Number((await gw.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    gw = await TestGateway.start();
    batcher = gw.get(SubmissionBatcher);
    org = await gw.organisation('Batch Org', organisationCsv());
    const leaders = [...Array(16).keys()].map((l) => org.people.get(`l${l}`)!);
    const now = Date.now();
    const input = cycleInput('Group commit', { opensAt: new Date(now - 3600_000).toISOString(), anonymityThreshold: 3 });
    const cycleId = (await gw.ok(org.hr, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`, { input }))
      .createCycle.id;
    await gw.ok(org.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c: cycleId, p: leaders });
    await gw.ok(org.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycleId });
    for (const s of leaders)
      await gw.ok(org.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, { c: cycleId, s });
    await gw.ok(org.hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: cycleId });
    invitations = await gw.links(org, cycleId); // as the raters receive them by mail
    expect(invitations.length).toBeGreaterThanOrEqual(230);
  }, 120000);

  afterAll(() => gw?.stop());
  // Tests that read the outbox rows as written hold the relay's publishing (it deletes what it publishes).
  afterEach(() => gw.transport.release());

  it('accepts 200 submissions sent in parallel exactly once each, in shared transactions', async () => {
    gw.transport.hold();
    const mine = invitations.slice(0, 200);
    const before = { ...batcher.stats };
    const correlationId = randomUUID();
    const results = await Promise.all(
      mine.map(async (inv, i) => {
        const input = valid(inv);
        const answer = await gw.gql(null, SUBMIT, { input }, i === 0 ? { 'x-correlation-id': correlationId } : {});
        return { inv, input, answer };
      }),
    );
    for (const r of results) {
      expect(r.answer.errors).toBeUndefined();
      expect(r.answer.data!.submitSurvey.status).toBe('accepted');
    }
    const ids = results.map((r) => r.answer.data!.submitSurvey.submissionId as string);
    expect(new Set(ids).size).toBe(200);
    // Stored once each: the receipt, the assignment submitted, one survey.submitted in the outbox (same transaction).
    expect(await count(`SELECT count(*) AS n FROM gateway.submission WHERE id = ANY($1::uuid[])`, [ids])).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM gateway.submission`)).toBe(200);
    expect(
      await count(
        `SELECT count(*) AS n FROM gateway.assignment WHERE token_hash = ANY($1) AND status = 'submitted' AND submitted_at IS NOT NULL`,
        [mine.map((m) => hashToken(m.token))],
      ),
    ).toBe(200);
    const events: { id: string; n: string }[] = await gw.dataSource.query(
      `SELECT envelope::json->'payload'->>'submissionId' AS id, count(*) AS n FROM gateway.outbox_event
        WHERE envelope::json->>'type' = 'survey.submitted' GROUP BY 1`,
    );
    expect(events).toHaveLength(200);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(ids));
    expect(events.every((e) => e.n === '1')).toBe(true);
    // The event carries the request's correlation id, and the rater's answers as checked.
    const [first] = await gw.dataSource.query(
      `SELECT envelope::json->>'correlationId' AS correlation, envelope::json->'payload'->'answers' AS answers, envelope::json->'payload'->>'raterGroup' AS grp
         FROM gateway.outbox_event WHERE envelope::json->'payload'->>'submissionId' = $1`,
      [ids[0]],
    );
    expect(first.correlation).toBe(correlationId);
    expect(first.grp).toBe(mine[0].group);
    expect(Object.keys(first.answers).sort()).toEqual(results[0].input.answers.map((a) => a.itemId).sort());
    // Stored as the text the gateway wrote (JSON, unchecked by PostgreSQL), with its routing fields beside it (the relay publishes it as it is).
    const [stored] = await gw.dataSource.query(
      `SELECT pg_typeof(envelope)::text AS type_of, envelope::text AS text, type, version, key, correlation_id
         FROM gateway.outbox_event WHERE envelope::json->'payload'->>'submissionId' = $1`,
      [ids[0]],
    );
    expect(stored).toMatchObject({ type_of: 'text', type: 'survey.submitted', version: 1, correlation_id: correlationId });
    expect(JSON.stringify(JSON.parse(stored.text))).toBe(stored.text);
    // Grouped: fewer transactions than submissions.
    const groups = batcher.stats.groups - before.groups;
    expect(batcher.stats.submissions - before.submissions).toBe(200);
    expect(groups).toBeLessThan(200);
    // The rate limit still counts every use of a token from this address (shared by replicas, in PostgreSQL).
    expect(await count(`SELECT coalesce(max(points), 0) AS n FROM gateway.rate_limit WHERE key LIKE 'token-ip:%'`)).toBeGreaterThanOrEqual(
      200,
    );
    // The link of a submitted survey shows only that and when it was submitted (docs/anonymity.md).
    const opened = await gw.ok(
      null,
      `query($t: String!) { raterSurvey(token: $t) { status submittedAt dimensions { id } answers { itemId } comments { text } } }`,
      {
        t: mine[0].token,
      },
    );
    expect(opened.raterSurvey).toEqual({ status: 'submitted', submittedAt: expect.any(String), dimensions: [], answers: [], comments: [] });
    // Repeating a submission later (same key and body): the same receipt, nothing new written.
    const again = await gw.gql(null, SUBMIT, { input: results[5].input });
    expect(again.data!.submitSurvey.submissionId).toBe(ids[5]);
    expect(await count(`SELECT count(*) AS n FROM gateway.submission`)).toBe(200);
    console.log(
      `group commit: 200 parallel submissions in ${groups} transaction(s) (largest group so far ${batcher.stats.largestGroup}), each stored once with one outbox row`,
    );
  }, 60000);

  it('within one group: a repeat gets the same receipt, the same key with another body a CONFLICT, a bad item alone BAD_USER_INPUT', async () => {
    gw.transport.hold();
    const [a, b, c, d, e] = invitations.slice(200, 205);
    const inputA = valid(a);
    const inputB = valid(b);
    const inputE = valid(e);
    const bad = valid(c);
    bad.answers[1] = { ...bad.answers[1], value: 9 };
    // Another rater using the very same idempotency key as A: keys are scoped to their assignment.
    const sameKeyOtherRater = { ...valid(d), idempotencyKey: inputA.idempotencyKey };
    const before = { ...batcher.stats };
    // Handed over in the same tick: one group, one transaction.
    const outcomes = await Promise.allSettled([
      batcher.submit(pending(inputA)),
      batcher.submit(pending(inputB)),
      batcher.submit(pending(inputA)), // the same key and body again (a retry racing the original)
      batcher.submit(pending({ ...inputB, answers: answersFor(b.group, 4) })), // the same key, another body
      batcher.submit(pending(bad)),
      batcher.submit(pending(sameKeyOtherRater)),
      batcher.submit(pending({ ...inputE, idempotencyKey: randomUUID() })),
      batcher.submit(pending(inputE)), // the same survey again under another key: submitted already
    ]);
    expect(batcher.stats.groups - before.groups).toBe(1);
    expect(batcher.stats.fallbacks).toBe(before.fallbacks);
    const [okA, okB, repeatA, otherBodyB, badC, okD, firstE, secondE] = outcomes;
    const value = (o: PromiseSettledResult<{ receipt: { submissionId: string } }>) =>
      o.status === 'fulfilled' ? o.value.receipt.submissionId : null;
    const code = (o: PromiseSettledResult<unknown>) =>
      o.status === 'rejected' ? (o.reason as { extensions?: { code?: string } }).extensions?.code : 'accepted';
    expect([okA, okB, okD, firstE].map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(value(repeatA)).toBe(value(okA));
    expect(code(otherBodyB)).toBe('CONFLICT');
    expect((otherBodyB as PromiseRejectedResult).reason.message).toMatch(/idempotency key was already used/);
    expect(code(badC)).toBe('BAD_USER_INPUT');
    expect((badC as PromiseRejectedResult).reason.extensions.fields).toEqual([
      expect.objectContaining({ field: 'input.answers[1].value' }),
    ]);
    expect(value(okD)).not.toBe(value(okA));
    expect(code(secondE)).toBe('CONFLICT');
    expect((secondE as PromiseRejectedResult).reason.message).toMatch(/submitted already/);
    // Written: A, B, D and E once each; the bad one not at all (its survey is still open).
    const stored: { assignment: string; n: string }[] = await gw.dataSource.query(
      `SELECT a.token_hash AS assignment, count(s.id) AS n FROM gateway.assignment a LEFT JOIN gateway.submission s ON s.assignment_id = a.id
        WHERE a.token_hash = ANY($1) GROUP BY 1`,
      [[a, b, c, d, e].map((i) => hashToken(i.token))],
    );
    const n = new Map(stored.map((s) => [s.assignment, Number(s.n)]));
    expect([a, b, c, d, e].map((i) => n.get(hashToken(i.token)))).toEqual([1, 1, 0, 1, 1]);
    expect(
      await count(`SELECT count(*) AS n FROM gateway.assignment WHERE token_hash = $1 AND status = 'submitted'`, [hashToken(c.token)]),
    ).toBe(0);
    const events = await count(
      `SELECT count(*) AS n FROM gateway.outbox_event WHERE envelope::json->'payload'->>'submissionId' = ANY($1)`,
      [[okA, okB, okD, firstE].map(value)],
    );
    expect(events).toBe(4);
    // The bad one corrected is accepted.
    expect(codeOf(await gw.gql(null, SUBMIT, { input: { ...bad, answers: answersFor(c.group) } }))).toBeUndefined();
  });

  it('retries a group whose transaction failed one by one, four at a time, so only the failing submissions fail', async () => {
    gw.transport.hold();
    const rest = invitations.slice(224, 236);
    const failing = [2, 7];
    const poisoned = randomUUID();
    // A statement failure inside the group's transaction, as a race with another replica or a deadlock would cause.
    await gw.dataSource.query(`
      CREATE FUNCTION gateway.poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.idempotency_key = '${poisoned}' THEN RAISE EXCEPTION 'poisoned submission'; END IF; RETURN NEW; END $$`);
    await gw.dataSource.query(`CREATE TRIGGER poison BEFORE INSERT ON gateway.submission FOR EACH ROW EXECUTE FUNCTION gateway.poison()`);
    try {
      const before = { ...batcher.stats };
      const outcomes = await Promise.allSettled(
        rest.map((inv, i) => batcher.submit(pending({ ...valid(inv), idempotencyKey: failing.includes(i) ? poisoned : randomUUID() }))),
      );
      expect(batcher.stats.fallbacks).toBe(before.fallbacks + 1);
      // The retries take at most four of the pool's connections at once (a group may hold 512).
      expect(batcher.stats.largestRetryConcurrency).toBe(4);
      expect(outcomes.map((o) => o.status)).toEqual(rest.map((_, i) => (failing.includes(i) ? 'rejected' : 'fulfilled')));
      const ids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.receipt.submissionId] : []));
      expect(
        await count(`SELECT count(*) AS n FROM gateway.outbox_event WHERE envelope::json->'payload'->>'submissionId' = ANY($1)`, [ids]),
      ).toBe(10);
      expect(await count(`SELECT count(*) AS n FROM gateway.submission WHERE id = ANY($1::uuid[])`, [ids])).toBe(10);
      expect(
        await count(`SELECT count(*) AS n FROM gateway.assignment WHERE token_hash = ANY($1) AND status = 'submitted'`, [
          failing.map((i) => hashToken(rest[i].token)),
        ]),
      ).toBe(0);
    } finally {
      await gw.dataSource.query(`DROP TRIGGER poison ON gateway.submission; DROP FUNCTION gateway.poison()`);
    }
  });

  it('counts token uses outside transactions: with one pool connection left, a draft save and a submission still answer', async () => {
    // The rate limiter takes a connection of its own from the same pool. Taken inside a transaction,
    // a request holding the last free connection waited for a second one forever, and under load
    // every connection was held that way (the benchmark at concurrency 32 accepted nothing).
    const pool = (gw.dataSource.driver as unknown as { master: Pool }).master;
    const max = (pool as unknown as { options: { max: number } }).options.max;
    const held = await Promise.all(Array.from({ length: max - 1 }, () => pool.connect()));
    try {
      const [draft, submit] = invitations.slice(211, 213);
      const post = async (query: string, input: unknown) => {
        const response = await fetch(`${gw.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { input } }),
          signal: AbortSignal.timeout(15000),
        });
        return (await response.json()) as { data?: Record<string, { answered?: number; status?: string }>; errors?: unknown[] };
      };
      const saved = await post(`mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered } }`, {
        token: draft.token,
        answers: answersFor(draft.group).slice(0, 2),
      });
      expect(saved.data?.saveSurveyDraft.answered).toBe(2);
      const submitted = await post(SUBMIT, valid(submit));
      expect(submitted.data?.submitSurvey.status).toBe('accepted');
    } finally {
      for (const client of held) client.release();
    }
  }, 60000);

  it('while the groups in flight are at their limit, what arrives waits and goes in one next group (adaptive group commit)', async () => {
    const [first, ...later] = invitations.slice(213, 224);
    const saved = { ...SubmissionBatcher.options };
    Object.assign(SubmissionBatcher.options, { maxConcurrentGroups: 1, lingerMs: 0 });
    try {
      // The first group's transaction is held open: another transaction holds its assignment's row.
      const blocker = gw.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`SELECT 1 FROM gateway.assignment WHERE token_hash = $1 FOR UPDATE`, [hashToken(first.token)]);
      const before = { ...batcher.stats };
      const all = [batcher.submit(pending(valid(first)))];
      let startedWhileHeld: number;
      try {
        while (batcher.stats.groups === before.groups) await new Promise((r) => setImmediate(r));
        // Ten more, 5 ms apart (each would have its own group without the limit), while it is out.
        for (const inv of later) {
          await new Promise((r) => setTimeout(r, 5));
          all.push(batcher.submit(pending(valid(inv))));
        }
        startedWhileHeld = batcher.stats.groups - before.groups;
      } finally {
        await blocker.commitTransaction();
        await blocker.release();
      }
      expect(startedWhileHeld).toBe(1);
      const outcomes = await Promise.all(all);
      expect(outcomes.every((o) => o.receipt.status === SubmissionStatusValue.accepted)).toBe(true);
      expect(batcher.stats.submissions - before.submissions).toBe(11);
      expect(batcher.stats.groups - before.groups).toBe(2);
    } finally {
      Object.assign(SubmissionBatcher.options, saved);
    }
  });

  it('after close, a submission in a group is refused and nothing is written', async () => {
    const [inv] = invitations.slice(210, 211);
    const cycleId = (await gw.dataSource.query(`SELECT cycle_id FROM gateway.assignment WHERE token_hash = $1`, [hashToken(inv.token)]))[0]
      .cycle_id;
    await gw.ok(org.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: cycleId });
    const answer = await gw.gql(null, SUBMIT, { input: valid(inv) });
    expect(codeOf(answer)).toBe('CONFLICT');
    expect(answer.errors![0].message).toMatch(/closed on/);
    expect(
      await count(
        `SELECT count(*) AS n FROM gateway.submission s JOIN gateway.assignment a ON a.id = s.assignment_id WHERE a.token_hash = $1`,
        [hashToken(inv.token)],
      ),
    ).toBe(0);
  });
});
