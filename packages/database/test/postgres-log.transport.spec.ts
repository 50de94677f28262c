/** The one-machine transport whose log is PostgreSQL, on a real PostgreSQL. */
import { catalogue, EventEnvelope, headerFieldsOf, reportUpdatedV1 } from '@leaderscope/events';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { Client } from 'pg';
import { PostgresLogTransport } from '../src';
import { reportEvent } from '@leaderscope/events/test/report-event';

const report = reportEvent;
const version = (e: EventEnvelope) => (e.payload as { reportVersion: number }).reportVersion;
const subject = (e: EventEnvelope) => (e.payload as { subjectId: string }).subjectId;

describe('PostgresLogTransport', () => {
  let db: TestDatabase;
  const open: PostgresLogTransport[] = [];
  let n = 0;

  /** A transport on its own schema of the test database, closed after each test. */
  async function transport(schema = `log_${++n}`, partitions = 4): Promise<PostgresLogTransport> {
    const t = new PostgresLogTransport({ databaseUrl: db.url, registry: catalogue, schema, partitions, pollIntervalMs: 200 });
    await t.start();
    open.push(t);
    return t;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps what was published for a consumer group that subscribes later, in order, once per group', async () => {
    const t = await transport();
    await t.publish([1, 2, 3, 4, 5].map((v) => report('s', v)));
    const a: number[] = [];
    const b: number[] = [];
    await t.subscribe({ groupId: 'a', contracts: [reportUpdatedV1], handler: async (e) => void a.push(version(e)) });
    await t.subscribe({ groupId: 'b', contracts: [reportUpdatedV1], handler: async (e) => void b.push(version(e)) });
    await t.publish([6, 7].map((v) => report('s', v)));
    await t.idle();
    expect(a).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(b).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await t.pending()).toBe(0);
  });

  it('appends serialised events with their text as the value, in order with published ones', async () => {
    const t = await transport();
    const texts = [2, 3].map((v) => {
      const e = report('s', v);
      return { ...headerFieldsOf(e), json: JSON.stringify(e, null, 2) };
    });
    await t.publish([report('s', 1)]);
    await t.publishSerialized(texts);
    await t.publish([report('s', 4)]);
    const got: number[] = [];
    await t.subscribe({ groupId: 'g', contracts: [reportUpdatedV1], handler: async (e) => void got.push(version(e)) });
    await t.idle();
    expect(got).toEqual([1, 2, 3, 4]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ value: string }>(`SELECT "value" FROM "log_${n}"."message" ORDER BY "position"`);
      expect(rows.slice(1, 3).map((r) => r.value)).toEqual(texts.map((x) => x.json));
    } finally {
      await client.end();
    }
  });

  it('survives its process: a new transport on the same log resumes each group where it stopped, and keeps per-key order', async () => {
    const schema = `log_${++n}`;
    const first = await transport(schema);
    const seen: string[] = [];
    const batch: EventEnvelope[] = [];
    for (let v = 1; v <= 30; v++) for (const k of ['a', 'b', 'c', 'd', 'e']) batch.push(report(k, v));
    await first.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => void seen.push(`${subject(e)}#${version(e)}`),
    });
    await first.publish(batch.slice(0, 75));
    await first.idle();
    await first.close();
    // Published while no consumer runs: waits in the log.
    const publisher = await transport(schema);
    await publisher.publish(batch.slice(75));
    const second = await transport(schema);
    await second.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => void seen.push(`${subject(e)}#${version(e)}`),
    });
    await second.idle();
    expect(seen).toHaveLength(150); // nothing twice, nothing missing
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      expect(seen.filter((s) => s.startsWith(`${k}#`))).toEqual(Array.from({ length: 30 }, (_, i) => `${k}#${i + 1}`));
    }
  });

  it('retries, then dead-letters a poison event with its reason, and moves on; invalid envelopes go at once', async () => {
    const t = await transport();
    const handled: string[] = [];
    let flaky = 0;
    await t.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      initialBackoffMs: 1,
      retries: 2,
      handler: async (e) => {
        if (subject(e) === 'poison') throw new Error('cannot score');
        if (subject(e) === 'flaky' && ++flaky < 3) throw new Error('flaky');
        handled.push(subject(e));
      },
    });
    await t.publishRaw('leaderscope.reports', 'c:x', '{"not": "an envelope"}');
    await t.publish([report('ok-1', 1), report('poison', 1), report('flaky', 1), report('ok-2', 1)]);
    await t.idle();
    expect(handled.sort()).toEqual(['flaky', 'ok-1', 'ok-2']);
    const dead = await t.deadLetters();
    expect(dead).toHaveLength(2);
    expect(dead.find((d) => d.key === 'c:poison')).toMatchObject({
      topic: 'leaderscope.reports.dlq',
      originalTopic: 'leaderscope.reports',
      attempts: 3,
      reason: 'Error: cannot score',
    });
    expect(dead.find((d) => d.key === 'c:x')?.reason).toMatch(/^invalid message: /);
  });

  it('hands a batch handler what follows in one partition; a failing batch goes one by one', async () => {
    const t = await transport(undefined, 1);
    const batches: number[][] = [];
    const single: number[] = [];
    await t.publish([1, 2, 3, 4, 5, 6].map((v) => report('s', v)));
    await t.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      initialBackoffMs: 1,
      retries: 0,
      maxBatchSize: 4,
      batchHandler: async (events) => {
        if (events.some((e) => version(e) === 6)) throw new Error('one of them is bad');
        batches.push(events.map(version));
      },
      handler: async (e) => {
        if (version(e) === 6) throw new Error('bad');
        single.push(version(e));
      },
    });
    await t.idle();
    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(single).toEqual([5]);
    expect((await t.deadLetters()).map((d) => JSON.parse(d.value).payload.reportVersion)).toEqual([6]);
  });

  it('redelivers what a consumer handled when it died before moving its position (at-least-once), never loses it', async () => {
    const schema = `log_${++n}`;
    const t = await transport(schema, 1);
    await t.publish([1, 2, 3].map((v) => report('s', v)));
    const seen: number[] = [];
    // The handler "crashes" the process after its effect: the position's transaction never commits.
    let crash = true;
    await t.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      initialBackoffMs: 1,
      retries: 0,
      batchHandler: async (events) => {
        seen.push(...events.map(version));
        if (crash) {
          crash = false;
          // Kill the consumer's connection, as a crash would.
          const admin = new Client({ connectionString: db.url });
          await admin.connect();
          await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
          );
          await admin.end();
        }
      },
      handler: async (e) => void seen.push(version(e)),
    });
    await eventually('the events redelivered and handled', async () => (await t.pending()) === 0 && seen.length >= 6, 20000);
    expect(seen).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('wakes consumers of another process through NOTIFY, and reports lag and health', async () => {
    const schema = `log_${++n}`;
    const consumer = new PostgresLogTransport({ databaseUrl: db.url, registry: catalogue, schema, pollIntervalMs: 60000 });
    await consumer.start();
    open.push(consumer);
    const producer = await transport(schema);
    const seen: number[] = [];
    await consumer.subscribe({ groupId: 'g', contracts: [reportUpdatedV1], handler: async (e) => void seen.push(version(e)) });
    await new Promise((r) => setTimeout(r, 300)); // the first empty polls are done; now only a wake-up can deliver quickly
    const started = Date.now();
    await producer.publish([report('s', 1)]);
    await eventually('the event delivered', async () => seen.length === 1, 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await consumer.healthCheck()).toMatchObject({ ok: true });
    await consumer.close();
    expect(await consumer.healthCheck()).toEqual({ ok: false, detail: 'closed' });
  });

  it('prunes only messages past the retention that every group of their topic has read', async () => {
    const schema = `log_${++n}`;
    const consumer = await transport(schema, 1);
    await consumer.subscribe({ groupId: 'g', contracts: [reportUpdatedV1], handler: async () => {} });
    await consumer.publish([1, 2, 3].map((v) => report('s', v)));
    await consumer.idle();
    await consumer.close();
    const t = await transport(schema, 1);
    await t.publish([4, 5].map((v) => report('s', v))); // nobody has read these
    const raw = new Client({ connectionString: db.url });
    await raw.connect();
    await raw.query(`UPDATE "${schema}"."message" SET "created_at" = now() - interval '30 days'`);
    expect(await t.prune()).toBe(3);
    const left = await raw.query(`SELECT count(*)::int AS n FROM "${schema}"."message"`);
    await raw.end();
    expect(left.rows[0].n).toBe(2);
  });
});
