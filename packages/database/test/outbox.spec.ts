/** The transactional outbox on a real PostgreSQL. */
import { catalogue, EventEnvelope, InProcessTransport, SerializedEvent } from '@leaderscope/events';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { claimEvent, createOutboxTables, enqueueEvents, OutboxRelay } from '../src';
import { reportEvent } from '@leaderscope/events/test/report-event';

const report = reportEvent;

/** Records what was published, in order; can be made to fail after publishing. */
class RecordingTransport extends InProcessTransport {
  readonly published: EventEnvelope[] = [];
  dieAfterPublishing = 0;
  constructor() {
    super(catalogue);
  }
  override async publish(envelopes: EventEnvelope[]): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    this.published.push(...envelopes);
    if (this.dieAfterPublishing > 0) {
      this.dieAfterPublishing--;
      throw new Error('relay died after publishing, before marking');
    }
  }
  /** The relay's path: recorded as the envelopes they are (parsed here, by the test only). */
  override async publishSerialized(events: SerializedEvent[]): Promise<void> {
    await this.publish(events.map((e) => JSON.parse(e.json) as EventEnvelope));
  }
}

describe('transactional outbox', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 20 } });
    await dataSource.initialize();
    for (const schema of ['ordering', 'dying', 'inbox', 'pruning', 'scanning']) {
      await dataSource.query(`CREATE SCHEMA "${schema}"`);
      const runner = dataSource.createQueryRunner();
      await createOutboxTables(runner, schema);
      await runner.release();
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('publishes in outbox order per key even with several relays (replicas) draining at once', async () => {
    const transport = new RecordingTransport();
    const relays = [1, 2, 3].map(() => new OutboxRelay({ dataSource, schema: 'ordering', transport: transport, batchSize: 7 }));
    // 5 subjects × 40 versions, written by concurrent transactions while the relays drain.
    const writers = ['a', 'b', 'c', 'd', 'e'].map(async (subject) => {
      for (let v = 1; v <= 40; v++) {
        await dataSource.transaction((m) => enqueueEvents(m, 'ordering', [report(subject, v)]));
        relays[v % 3].kick();
      }
    });
    const draining = Promise.all(
      relays.map(async (r) => {
        for (let i = 0; i < 30; i++) {
          await r.drain();
          await new Promise((x) => setTimeout(x, 2));
        }
      }),
    );
    await Promise.all(writers);
    await draining;
    for (const r of relays) await r.drain();
    // 200 written = 200 published, once each, and in version order for every subject.
    expect(transport.published).toHaveLength(200);
    expect(new Set(transport.published.map((e) => e.id)).size).toBe(200);
    for (const subject of ['a', 'b', 'c', 'd', 'e']) {
      const versions = transport.published
        .filter((e) => (e.payload as { subjectId: string }).subjectId === subject)
        .map((e) => (e.payload as { reportVersion: number }).reportVersion);
      expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    }
    expect(await relays[0].pending()).toBe(0);
    // Published means gone from the outbox: the event lives in the transport, not in the table.
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ordering.outbox_event`);
    expect(n).toBe(0);
  });

  it('republishes after a relay died between publishing and deleting; the inbox makes the repeat a no-op', async () => {
    const transport = new RecordingTransport();
    transport.dieAfterPublishing = 1;
    const events = [1, 2, 3].map((v) => report('s', v));
    await dataSource.transaction((m) => enqueueEvents(m, 'dying', events));
    const dying = new OutboxRelay({ dataSource, schema: 'dying', transport, onError: () => {} });
    expect(await dying.drain()).toBe(0); // published, then died before its transaction deleted them
    expect(await dying.pending()).toBe(3);
    const restarted = new OutboxRelay({ dataSource, schema: 'dying', transport });
    expect(await restarted.drain()).toBe(3);
    expect(await restarted.pending()).toBe(0);
    // 3 events, 6 deliveries: a consumer's inbox applies each once.
    expect(transport.published.map((e) => e.id)).toEqual([...events, ...events].map((e) => e.id));
    let effects = 0;
    for (const e of transport.published) {
      await dataSource.transaction(async (m) => {
        if (await claimEvent(m, 'inbox', 'consumer', e.id)) effects++;
      });
    }
    expect(effects).toBe(3);
  });

  it('loses nothing when the writer rolls back: no state, no event', async () => {
    await expect(
      dataSource.transaction(async (m) => {
        await enqueueEvents(m, 'dying', [report('rolled-back', 1)]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const [row] = await dataSource.query(
      `SELECT count(*) AS n FROM dying.outbox_event WHERE envelope::json->'payload'->>'subjectId' = 'rolled-back'`,
    );
    expect(row.n).toBe('0');
  });

  it('stores more events in one transaction than one statement could bind (six parameters each), in their order', async () => {
    await dataSource.query(`CREATE SCHEMA "many"`);
    const runner = dataSource.createQueryRunner();
    await createOutboxTables(runner, 'many');
    await runner.release();
    const envelopes = Array.from({ length: 33000 }, (_, i) => ({ ...report(`s${i}`, 1), id: randomUUID() }));
    await dataSource.transaction((m) => enqueueEvents(m, 'many', envelopes));
    const rows: { id: string }[] = await dataSource.query(`SELECT event_id AS id FROM many.outbox_event ORDER BY position`);
    expect(rows.map((r) => r.id)).toEqual(envelopes.map((e) => e.id));
  });

  it('reads the unpublished rows by an ordered scan of the partial index, whatever plan the costs favour', async () => {
    // 3,000 events published (deleted) by the relay leave 3,000 dead entries in
    // `outbox_event_unpublished`; statistics taken while 50 of 3,000 rows were unpublished make the
    // planner expect fewer rows than a batch.
    const transport = new RecordingTransport();
    const relay = new OutboxRelay({ dataSource, schema: 'scanning', transport, batchSize: 500 });
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ ...report(`s${from + i}`, 1), id: randomUUID() }));
    await dataSource.transaction((m) => enqueueEvents(m, 'scanning', batch(0, 2950)));
    await dataSource.query(`UPDATE scanning.outbox_event SET published_at = now()`);
    await dataSource.transaction((m) => enqueueEvents(m, 'scanning', batch(2950, 50)));
    await dataSource.query(`ANALYZE scanning.outbox_event`);
    await dataSource.query(`UPDATE scanning.outbox_event SET published_at = NULL`);
    expect(await relay.drain()).toBe(3000);
    const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM scanning.outbox_event`);
    expect(left).toBe(0);
    await dataSource.transaction((m) => enqueueEvents(m, 'scanning', batch(3000, 5)));

    // What the relay sends, recorded as it drains the last five.
    const sent: { sql: string; params?: unknown[] }[] = [];
    const original = PostgresQueryRunner.prototype.query;
    const query = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (this: PostgresQueryRunner, sql, params) {
      sent.push({ sql, params });
      return original.call(this, sql, params);
    });
    try {
      expect(await relay.drain()).toBe(5);
    } finally {
      query.mockRestore();
    }
    // three round trips for the batch: begin and lock, read, delete and commit
    expect(sent.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 30))).toEqual([
      'BEGIN; SELECT pg_advisory_xact',
      'SELECT "position", "event_id",',
      'DELETE FROM "scanning"."outbox',
    ]);
    expect(sent[2].sql).toMatch(/; COMMIT$/);
    const read = sent.find((s) => /FROM "scanning"."outbox_event"/.test(s.sql) && /published_at" IS NULL/.test(s.sql))!;
    const before = sent.slice(0, sent.indexOf(read));
    expect(before.length).toBeGreaterThan(0);
    expect(transport.published.slice(-5).map((e) => (e.payload as { subjectId: string }).subjectId)).toEqual([
      's3000',
      's3001',
      's3002',
      's3003',
      's3004',
    ]);

    const planOf = (settings: boolean) =>
      dataSource.transaction(async (m) => {
        // costs under which the planner prefers another plan (as PostgreSQL 18 did in the bench at S)
        await m.query(`SET LOCAL random_page_cost = 1000`);
        if (settings) for (const s of before) await m.query(s.sql, s.params);
        const [{ 'QUERY PLAN': plan }] = await m.query(`EXPLAIN (FORMAT JSON) ${read.sql}`, read.params);
        return JSON.stringify(plan);
      });
    // The planner alone takes a bitmap or sequential scan and a sort; the relay's statements make it the index, in order.
    expect(await planOf(false)).toMatch(/Bitmap Heap Scan|Seq Scan/);
    const relayPlan = await planOf(true);
    expect(relayPlan).toMatch(/"Node Type":"Index Scan".*"Index Name":"outbox_event_unpublished"/);
    expect(relayPlan).not.toMatch(/Bitmap|Seq Scan|"Node Type":"Sort"/);
    // and it locks no rows (the advisory lock serialises relays; see the replicas test above)
    expect(relayPlan).not.toMatch(/LockRows/);
  });

  it('prunes processed records past their retention and rows an earlier version marked published, and nothing else', async () => {
    const envelopes = ['old', 'recent', 'unpublished'].map((subject) => report(subject, 1));
    await dataSource.transaction((m) => enqueueEvents(m, 'pruning', envelopes));
    // rows as a version before session 31 left them: marked published, kept 72 hours (one marked an hour ago)
    await dataSource.query(
      `UPDATE pruning.outbox_event SET published_at = now() - interval '1 hour' WHERE envelope::json->'payload'->>'subjectId' IN ('old', 'recent')`,
    );
    await dataSource.transaction(async (m) => {
      await claimEvent(m, 'pruning', 'consumer', envelopes[0].id);
      await claimEvent(m, 'pruning', 'consumer', envelopes[1].id);
    });
    await dataSource.query(`UPDATE pruning.processed_event SET processed_at = now() - interval '15 days' WHERE event_id = $1`, [
      envelopes[0].id,
    ]);

    const transport = new RecordingTransport();
    const relay = new OutboxRelay({ dataSource, schema: 'pruning', transport });
    // the relay publishes the one unpublished row, never again the rows marked published
    expect(await relay.drain()).toBe(1);
    expect(transport.published.map((e) => (e.payload as { subjectId: string }).subjectId)).toEqual(['unpublished']);
    const marked = await dataSource.query(
      `SELECT envelope::json->'payload'->>'subjectId' AS subject FROM pruning.outbox_event ORDER BY position`,
    );
    expect(marked.map((r: { subject: string }) => r.subject)).toEqual(['old', 'recent']);
    expect(await relay.prune()).toEqual({ outbox: 2, processed: 1 });
    const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM pruning.outbox_event`);
    expect(left).toBe(0);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM pruning.processed_event`);
    expect(n).toBe(1);
    expect(await relay.prune()).toEqual({ outbox: 0, processed: 0 });
  });
});
