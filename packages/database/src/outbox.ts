import { EventEnvelope, EventTransport, headerFieldsOf, SerializedEvent } from '@leaderscope/events';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { jsonTextOfStored } from './compressed-json';

/**
 * The transactional outbox and the processed-events inbox. Each service keeps both tables in its
 * own schema. A state change and the events it causes are written in one transaction
 * (`enqueueEvents`); the relay publishes them afterwards and deletes them in the transaction that
 * read them, so a process dying between commit and publish loses nothing (the relay publishes
 * again: at-least-once, which the consumers' inbox turns into exactly-once effects). Once
 * published, an event lives in the transport (Kafka keeps a topic's events seven days; the
 * one-machine event log as long), not in the outbox: every row of `outbox_event` is waiting.
 *
 * The envelope column is `text`: the envelope's JSON text as `JSON.stringify` wrote it, published
 * as stored. Envelopes are written and read whole, never queried inside, so PostgreSQL neither
 * parses them (jsonb) nor checks them (json): a report.updated carries a 45 kB report, whose check
 * alone cost about 0.4 ms of PostgreSQL's CPU (the services' `WholeJsonAsText` migrations; tests
 * that look inside cast, `envelope::json->>'type'`).
 *
 * Beside the envelope, each row carries the fields a transport routes it by (`type`, `version`,
 * `key`, `correlation_id`; `event_id` is its id), so the relay publishes the stored text as it is,
 * without parsing it (see `addOutboxHeaderColumns`).
 */
export async function createOutboxTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."outbox_event" (
      "position" bigserial PRIMARY KEY,
      "event_id" uuid NOT NULL UNIQUE,
      "envelope" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz NULL
    )`);
  // `published_at` is null in every row the relay has still to publish, which is every row it has
  // not deleted: it stays for rows an earlier version marked (see `OutboxRelay.prune`) and for the
  // partial index the relay reads in order.
  await queryRunner.query(
    `CREATE INDEX "outbox_event_unpublished" ON "${schema}"."outbox_event" ("position") WHERE "published_at" IS NULL`,
  );
  await addOutboxHeaderColumns(queryRunner, schema);
  await queryRunner.query(`
    CREATE TABLE "${schema}"."processed_event" (
      "consumer" text NOT NULL,
      "event_id" uuid NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("consumer", "event_id")
    )`);
}

/**
 * The envelope's type, version, key and correlation id as columns of `outbox_event`, filled by every
 * writer, so the relay hands the transport the stored envelope text with what it needs to route it
 * (topic, key, headers) without JSON-parsing the text in Node (a report.updated is ~44 kB) or taking
 * the fields out of it in SQL (`->>` on a `json` column parses the whole text again). Nullable: rows
 * written before a service's migration added them have none, and the relay parses those as before.
 * `IF NOT EXISTS`: `createOutboxTables` adds them to a new schema, then the service's migration finds
 * them there.
 */
export async function addOutboxHeaderColumns(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE "${schema}"."outbox_event"
       ADD COLUMN IF NOT EXISTS "type" text NULL,
       ADD COLUMN IF NOT EXISTS "version" int NULL,
       ADD COLUMN IF NOT EXISTS "key" text NULL,
       ADD COLUMN IF NOT EXISTS "correlation_id" text NULL`,
  );
}

export async function dropOutboxHeaderColumns(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE "${schema}"."outbox_event"
       DROP COLUMN IF EXISTS "type", DROP COLUMN IF EXISTS "version", DROP COLUMN IF EXISTS "key", DROP COLUMN IF EXISTS "correlation_id"`,
  );
}

export async function dropOutboxTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."processed_event"`);
  await queryRunner.query(`DROP TABLE "${schema}"."outbox_event"`);
}

/**
 * Events per statement in `enqueueEvents`: six parameters each, 12,000 a statement (PostgreSQL binds
 * at most 65,535). A launch emits one event per rater (160,000 at 10,000 subjects): 80 statements.
 */
const EVENTS_PER_STATEMENT = 2000;

/**
 * Writes events to the outbox inside the caller's transaction, in their order, each serialised
 * once here. (A use-case whose event would carry a large text it already stores, the scoring
 * service's report.updated, writes its own row referring to that text instead: `recordViews`.)
 *
 * Each field is its own parameter, the envelope's text sent as it is. They were arrays (`unnest`)
 * until session 14: `pg` then escapes every quote of the envelope into the array's text and
 * PostgreSQL parses it back, about 1.1 ms of CPU for a live report.updated (~45 kB) against 0.6 ms
 * now, and 28 against 19 µs for a 1 kB event (docs/benchmarks.md, "Eleventh round").
 */
export async function enqueueEvents(manager: EntityManager, schema: string, envelopes: EventEnvelope[]): Promise<void> {
  for (let i = 0; i < envelopes.length; i += EVENTS_PER_STATEMENT) {
    const params: unknown[] = [];
    const slot = (value: unknown, cast: string): string => `$${params.push(value)}::${cast}`;
    const rows = envelopes
      .slice(i, i + EVENTS_PER_STATEMENT)
      .map(
        (e, k) =>
          `(${k}, ${slot(e.id, 'uuid')}, ${slot(e.type, 'text')}, ${slot(e.version, 'int')}, ${slot(e.key, 'text')}, ` +
          `${slot(e.correlationId, 'text')}, ${slot(JSON.stringify(e), 'text')})`,
      );
    await manager.query(
      `INSERT INTO "${schema}"."outbox_event" ("event_id", "type", "version", "key", "correlation_id", "envelope")
       SELECT id, type, version, key, correlation_id, envelope
         FROM (VALUES ${rows.join(', ')}) AS e(n, id, type, version, key, correlation_id, envelope)
        ORDER BY n`,
      params,
    );
  }
}

/**
 * Records that `consumer` handled `eventId`, inside the caller's transaction. Returns false when it
 * was handled before: the caller then does nothing, so a redelivered event changes nothing.
 */
export async function claimEvent(manager: EntityManager, schema: string, consumer: string, eventId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO "${schema}"."processed_event" ("consumer", "event_id") VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING "event_id"`,
    [consumer, eventId],
  );
  return rows.length === 1;
}

/**
 * `claimEvent` for many events in one statement: records each (consumer, event id) not recorded yet
 * and returns the ids that were new. An id given twice is new at most once.
 */
export async function claimEvents(manager: EntityManager, schema: string, consumer: string, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO "${schema}"."processed_event" ("consumer", "event_id")
     SELECT $1, id FROM unnest($2::uuid[]) AS id
     ON CONFLICT DO NOTHING RETURNING "event_id"`,
    [consumer, [...new Set(eventIds)]],
  );
  return new Set(rows.map((r) => r.event_id));
}

interface OutboxRow {
  position: string;
  event_id: string;
  type: string | null;
  version: number | null;
  key: string | null;
  correlation_id: string | null;
  /** Null from an `envelopeSource` view that gives the envelope in parts, or whose referenced document is gone. */
  json: string | null;
  /** From an `envelopeSource` view: the envelope's text around its document, and the document as stored. */
  envelope_head?: string | null;
  envelope_body?: Buffer | string | null;
  envelope_tail?: string | null;
}

/**
 * An outbox row's envelope text as the relay publishes it: as stored, or (from an `envelopeSource`
 * view) its parts joined around the document they refer to, decompressed; null when that document
 * is gone. Exported for tests that read such a view as the relay does.
 */
export function outboxEnvelopeText(row: Pick<OutboxRow, 'json' | 'envelope_head' | 'envelope_body' | 'envelope_tail'>): string | null {
  if (row.json !== null) return row.json;
  if (row.envelope_head == null || row.envelope_body == null || row.envelope_tail == null) return null;
  return row.envelope_head + jsonTextOfStored(row.envelope_body) + row.envelope_tail;
}

/**
 * A row as the transport takes it: its text as stored. A row written before its service's outbox
 * had the routing columns (null) is parsed for them, and still sent as its text.
 */
function serializedEventOf(row: OutboxRow & { json: string }): SerializedEvent {
  if (row.type === null || row.version === null || row.key === null || row.correlation_id === null) {
    return { ...headerFieldsOf(JSON.parse(row.json) as EventEnvelope), json: row.json };
  }
  return { id: row.event_id, type: row.type, version: row.version, key: row.key, correlationId: row.correlation_id, json: row.json };
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  schema: string;
  transport: EventTransport;
  /**
   * The relation of `schema` the relay reads unpublished envelopes from: `outbox_event` (default),
   * or a view over it with the same columns that gives envelopes stored in parts (the scoring
   * service's `outbox_event_envelope`, whose report.updated refer to the rows holding their reports:
   * RescoreEventsReferToReports, LiveEventsReferToLedger). Such a view's `envelope` is null for
   * those, and its `envelope_head` and `envelope_tail` (text) surround `envelope_body`, the document
   * as stored (compressed, `compressJsonText`: ReportsCompressed1768900000001), which the relay
   * decompresses and joins, as SQL cannot. A row whose document is gone is reported through
   * `onError` and deleted: there is nothing left to announce.
   */
  envelopeSource?: string;
  /** Poll interval when nothing wakes the relay. Default 200 ms. */
  intervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  /**
   * Housekeeping: processed-event records older than `processedRetentionDays` are deleted (default
   * 14, longer than Kafka's 7-day retention, so no redelivery can outlive its record), and outbox
   * rows an earlier version marked published instead of deleting them. Runs every `pruneEveryMs`
   * (10 min).
   */
  processedRetentionDays?: number;
  pruneEveryMs?: number;
}

/**
 * How the relay reads the unpublished rows: an ordered scan of the partial index
 * `outbox_event_unpublished` (position order, so no sort, stopping at the batch size), never a
 * bitmap or sequential scan, whatever the table's statistics say. Every row the relay deletes
 * leaves a dead entry in that index until VACUUM; a plain index scan marks the entries it
 * finds dead for good (later scans skip them), a bitmap scan does not, so under a steady flow of
 * events the planner's bitmap plan (chosen whenever the statistics expect fewer unpublished rows
 * than a batch) re-read thousands of dead rows per batch: 2–35 ms per relay read in the bench at S,
 * the most time PostgreSQL spent on any statement (docs/benchmarks.md, "Sixth round"). Where the
 * relay reads a view that joins the rows holding the reports (the scoring service's
 * `outbox_event_envelope`), the joins are nested loops on their keys, row by row in that order: a hash
 * join gave up the index's order, so each read built every envelope (the ~45 kB reports spliced in)
 * and sorted them, spilling to disk (26–28 ms against 12–15 ms for 300 rows at M; docs/benchmarks.md,
 * "Eleventh round"). Local to the relay's transaction.
 */
export const RELAY_SCAN_SETTINGS = {
  enable_bitmapscan: 'off',
  enable_seqscan: 'off',
  enable_hashjoin: 'off',
  enable_mergejoin: 'off',
} as const;

/**
 * The relay's first round trip: its transaction begun and the schema's relay lock taken, with the scan
 * settings, as one simple-protocol query (no parameters: the lock's key is the schema's name, checked
 * to be a plain identifier, and the settings are constants). Each statement sent on its own is a
 * round trip: a socket write and read in the service and in a PostgreSQL backend, which on this kind
 * of machine cost more than the statements (docs/benchmarks.md, "Twenty-eighth round").
 */
function relayBeginStatement(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`outbox relay: schema "${schema}" is not a plain identifier`);
  const settings = Object.entries(RELAY_SCAN_SETTINGS).map(([name, value]) => `set_config('${name}', '${value}', true)`);
  return `BEGIN; SELECT pg_advisory_xact_lock(hashtext('outbox-relay:${schema}')), ${settings.join(', ')}`;
}

/**
 * Publishes outbox rows in `position` order and deletes them, in one transaction per batch.
 *
 * Ordering: a relay takes a transaction-scoped advisory lock on its schema's outbox before reading a
 * batch, so however many replicas of a service run, one batch is published at a time, and always the
 * oldest unpublished rows first; events of one key therefore reach the transport in the order their
 * transactions wrote them (use-cases that emit for one key serialise on that key, so positions follow
 * commit order per key). A relay that dies after publishing and before marking leaves its rows
 * unpublished: the next batch publishes them again (at-least-once; consumers skip repeats by event id).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private pruner: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule();
    this.pruner = setInterval(
      () => {
        this.prune().catch((error) => this.options.onError?.(error));
      },
      this.options.pruneEveryMs ?? 10 * 60 * 1000,
    );
    this.pruner.unref?.();
  }

  /**
   * Deletes processed-event records past their retention, and any outbox row marked published: the
   * relay deletes what it publishes, but until session 31 it marked rows and kept them 72 hours, and
   * the first prune after an upgrade deletes what such a version left (the relay never reads them).
   */
  async prune(): Promise<{ outbox: number; processed: number }> {
    const { dataSource, schema } = this.options;
    const [, outbox]: [unknown, number] = await dataSource.query(`DELETE FROM "${schema}"."outbox_event" WHERE "published_at" IS NOT NULL`);
    const [, processed]: [unknown, number] = await dataSource.query(
      `DELETE FROM "${schema}"."processed_event" WHERE "processed_at" < now() - make_interval(days => $1)`,
      [this.options.processedRetentionDays ?? 14],
    );
    return { outbox: Number(outbox), processed: Number(processed) };
  }

  /** Publish now (called after a commit that enqueued events). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.schedule();
    }, this.options.intervalMs ?? 200);
    this.timer.unref?.();
  }

  /** Rows written but not published yet. */
  async pending(): Promise<number> {
    const rows: { count: string }[] = await this.options.dataSource.query(
      `SELECT count(*) AS count FROM "${this.options.schema}"."outbox_event" WHERE "published_at" IS NULL`,
    );
    return Number(rows[0].count);
  }

  /** Publishes everything pending; returns how many events were published. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const published = await this.publishBatch();
        total += published;
        if (published < (this.options.batchSize ?? 500)) return total;
      }
    } catch (error) {
      this.options.onError?.(error);
      return total;
    }
  }

  /**
   * One batch in one transaction, in three round trips: begin and lock; read; delete and commit (an
   * empty batch: begin and lock; read; commit). Through a query runner, not `dataSource.transaction`,
   * whose `START TRANSACTION` and `COMMIT` are round trips of their own (five for a batch before).
   */
  private async publishBatch(): Promise<number> {
    const { dataSource, schema, transport } = this.options;
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One publisher per outbox at a time (other replicas wait here, then read what is left). In
      // the same statement, this transaction's reads of the outbox are made ordered index scans
      // (RELAY_SCAN_SETTINGS).
      await runner.query(relayBeginStatement(schema));
      // The envelope's stored text (nothing parsed, in PostgreSQL or here), with its routing fields.
      // No row locks: only a relay holding the lock above deletes unpublished rows (writers only
      // insert), and a relay waiting for the lock reads, once it has it, a new snapshot in which
      // this batch is gone. A `FOR UPDATE` here wrote a lock into every row read (a WAL record and
      // a dirtied page each) for nothing.
      const rows = (await runner.query(
        `SELECT "position", "event_id", "type", "version", "key", "correlation_id", "envelope"::text AS "json"${
          this.options.envelopeSource ? `, "envelope_head", "envelope_body", "envelope_tail"` : ''
        }
           FROM "${schema}"."${this.options.envelopeSource ?? 'outbox_event'}"
          WHERE "published_at" IS NULL ORDER BY "position" LIMIT $1`,
        [this.options.batchSize ?? 500],
      )) as OutboxRow[];
      if (rows.length === 0) {
        await runner.query('COMMIT');
        return 0;
      }
      for (const row of rows) row.json = outboxEnvelopeText(row);
      const complete = rows.filter((r): r is OutboxRow & { json: string } => r.json !== null);
      if (complete.length < rows.length) {
        const lost = rows.filter((r) => r.json === null).map((r) => r.event_id);
        this.options.onError?.(new Error(`outbox ${schema}: the document of event(s) ${lost.join(', ')} is gone; not published`));
      }
      if (complete.length > 0) await transport.publishSerialized(complete.map(serializedEventOf));
      // Published: deleted, and committed, in one round trip (the positions are the rows' own
      // bigints, written as an array literal; a failed commit leaves them to be published again).
      // Marking them (`published_at`, kept 72 hours) wrote a new version of every row, the envelope
      // with it unless TOASTed, and its index entries: about 1.3 kB of WAL per event (12.7 MB and
      // 0.6 s of PostgreSQL's time for the gateway's 9,800 events of an S freshness phase), and
      // autovacuum then cleaned two versions of each (docs/benchmarks.md, "Twenty-eighth round").
      const positions = rows.map((r) => BigInt(r.position).toString()).join(',');
      await runner.query(`DELETE FROM "${schema}"."outbox_event" WHERE "position" = ANY('{${positions}}'::bigint[]); COMMIT`);
      return rows.length;
    } catch (error) {
      // a transaction left open (a failed read or publish, or a failed delete, which skips the
      // commit after it) is rolled back, its rows to be published again (after a commit, a
      // ROLLBACK only warns)
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.pruner) clearInterval(this.pruner);
    await this.running;
    await this.drain();
  }
}
