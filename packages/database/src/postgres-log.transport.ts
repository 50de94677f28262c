import {
  backoffMs,
  ContractRegistry,
  DeadLetter,
  deadLetterTopic,
  describeError,
  EventEnvelope,
  EventTransport,
  laneOf,
  parseEnvelope,
  SerializedEvent,
  SubscribeOptions,
} from '@leaderscope/events';
import { randomUUID } from 'node:crypto';
import { Client, Pool, PoolClient } from 'pg';

export interface PostgresLogTransportOptions {
  /** The database holding the log (the platform's own database on one machine). */
  databaseUrl: string;
  registry: ContractRegistry;
  /** Partitions per topic (default 6, like KAFKA_PARTITIONS); a key always maps to one partition. */
  partitions?: number;
  /** Schema of the log, its consumer positions and dead letters. Default `event_log`. */
  schema?: string;
  /** Most events per `batchHandler` call (and per fetch). Default 500. */
  maxBatchSize?: number;
  /** How often an idle consumer looks for new events when nothing woke it. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Messages older than this, and read by every consumer group of their topic, are pruned. Default 7 days. */
  retentionHours?: number;
  /** Connections of the transport's own pool. Default 20. */
  poolSize?: number;
  onError?: (error: unknown) => void;
}

interface Row {
  position: string;
  key: string;
  value: string;
}

interface Loop {
  groupId: string;
  topic: string;
  partition: number;
  busy: boolean;
  done: Promise<void>;
  /** Validates the group's events: the catalogue with the subscriber's own contracts in place. */
  registry: ContractRegistry;
}

interface Waiter {
  resolve: () => void;
}

const CHANNEL = 'leaderscope_event_log';

/**
 * The event transport of the one-machine default: the log is PostgreSQL, so nothing a service's
 * relay has published can be lost by a crash.
 *
 * - `publish` appends the envelopes to `event_log.message` in one transaction, under an advisory
 *   lock, so positions are committed in increasing order (a reader never skips a row that commits
 *   later) and each key's events keep the order they were published in. It resolves after the
 *   commit: the relay marks its outbox rows published only once they are durably in the log.
 * - Each consumer group keeps one position per topic and partition (`event_log.consumer_offset`,
 *   starting at 0, so events published before a group first subscribed wait for it, as with
 *   Kafka's `fromBeginning`). A consumer locks its position row (`FOR UPDATE SKIP LOCKED`, so two
 *   processes of one group never read one partition at once), reads the next events in order,
 *   hands them to the handler, and advances the position in that same transaction once the handler
 *   returned (or the event was dead-lettered). A crash after the handler's commit and before the
 *   position's redelivers those events; the consumers' processed-event inbox (`handleOnce`,
 *   `handleBatchOnce`) makes the repeat a no-op, so effects happen exactly once.
 * - Same contract as Kafka: re-validated envelopes, per-key order (the key picks the partition),
 *   batches all-or-nothing then one by one, retries with backoff, then a dead letter
 *   (`event_log.dead_letter`, written in the same transaction as the position moving past it).
 * - New events wake the consumers at once (in this process directly, other processes through
 *   `NOTIFY`); an idle consumer also looks every `pollIntervalMs`.
 */
export class PostgresLogTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly id = randomUUID();
  private readonly schema: string;
  private readonly partitions: number;
  private readonly maxBatchSize: number;
  private pool: Pool | null = null;
  private listener: Client | null = null;
  private readonly loops: Loop[] = [];
  private readonly groups = new Set<string>();
  private waiters = new Map<string, Waiter[]>();
  private stopping = false;
  private stoppedConsumers = false;
  private closed = false;
  private pruner: NodeJS.Timeout | null = null;
  private listenRetry: NodeJS.Timeout | null = null;

  constructor(private readonly options: PostgresLogTransportOptions) {
    this.schema = options.schema ?? 'event_log';
    this.partitions = Math.max(1, options.partitions ?? 6);
    this.maxBatchSize = Math.max(1, options.maxBatchSize ?? 500);
  }

  private get s(): string {
    return `"${this.schema.replace(/"/g, '""')}"`;
  }

  private db(): Pool {
    if (!this.pool) throw new Error('transport not started');
    return this.pool;
  }

  /** Creates the log's tables when missing, and listens for events published by other processes. */
  async start(): Promise<void> {
    if (this.pool) return;
    this.pool = new Pool({ connectionString: this.options.databaseUrl, max: this.options.poolSize ?? 20 });
    this.pool.on('error', (error) => {
      if (!this.closed) this.options.onError?.(error);
    });
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`event-log-ddl:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.s}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.s}."message" (
          "position" bigserial PRIMARY KEY,
          "topic" text NOT NULL,
          "partition" int NOT NULL,
          "key" text NOT NULL,
          "value" text NOT NULL,
          "created_at" timestamptz NOT NULL DEFAULT now()
        )`);
      await client.query(`CREATE INDEX IF NOT EXISTS "message_topic_partition" ON ${this.s}."message" ("topic", "partition", "position")`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.s}."consumer_offset" (
          "group_id" text NOT NULL,
          "topic" text NOT NULL,
          "partition" int NOT NULL,
          "position" bigint NOT NULL DEFAULT 0,
          "updated_at" timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY ("group_id", "topic", "partition")
        )`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.s}."dead_letter" (
          "id" bigserial PRIMARY KEY,
          "group_id" text NOT NULL,
          "topic" text NOT NULL,
          "original_topic" text NOT NULL,
          "original_position" bigint NOT NULL,
          "key" text NULL,
          "value" text NOT NULL,
          "reason" text NOT NULL,
          "attempts" int NOT NULL,
          "created_at" timestamptz NOT NULL DEFAULT now()
        )`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    await this.listen();
    this.pruner = setInterval(
      () => {
        this.prune().catch((error) => this.options.onError?.(error));
      },
      10 * 60 * 1000,
    );
    this.pruner.unref?.();
  }

  /** LISTEN for other processes' appends; reconnects when the connection drops (PostgreSQL restarted). */
  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.options.databaseUrl });
    const retry = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => {});
      if (this.closed) return;
      this.listenRetry = setTimeout(() => void this.listen().catch(() => retry()), 1000);
      this.listenRetry.unref?.();
      this.wakeAll(); // we may have missed notifications: look now
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      const [from, targets] = (message.payload ?? '').split('|');
      if (from === this.id) return;
      if (!targets) this.wakeAll();
      else for (const target of targets.split(',')) this.wake(target);
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      if (!this.closed) this.options.onError?.(error);
      retry();
    }
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('transport is closed');
    // Validate the whole batch first: a batch is taken entirely or not at all.
    const messages = envelopes.map((envelope) => {
      const contract = this.options.registry.find(envelope.type, envelope.version);
      if (!contract) throw new Error(`no contract registered for ${envelope.type} v${envelope.version}`);
      return { topic: contract.topic, key: envelope.key, value: JSON.stringify(envelope) };
    });
    await this.append(messages);
  }

  /** As `publish`, with each event's text as the message's value (not parsed). */
  async publishSerialized(events: SerializedEvent[]): Promise<void> {
    if (this.closed) throw new Error('transport is closed');
    const messages = events.map((event) => {
      const contract = this.options.registry.find(event.type, event.version);
      if (!contract) throw new Error(`no contract registered for ${event.type} v${event.version}`);
      return { topic: contract.topic, key: event.key, value: event.json };
    });
    await this.append(messages);
  }

  /** Puts a raw message on a topic, as a foreign or broken producer might (for tests of dead letters). */
  publishRaw(topic: string, key: string, value: string): Promise<void> {
    return this.append([{ topic, key, value }]);
  }

  private async append(messages: { topic: string; key: string; value: string }[]): Promise<void> {
    if (messages.length === 0) return;
    const partitions = messages.map((m) => laneOf(m.key, this.partitions));
    const targets = [...new Set(messages.map((m, i) => `${m.topic}/${partitions[i]}`))];
    const client = await this.db().connect();
    try {
      await client.query('BEGIN');
      // Appends one at a time: positions commit in increasing order, so no reader passes a gap
      // that a slower transaction fills later.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`event-log-append:${this.schema}`]);
      await client.query(
        `INSERT INTO ${this.s}."message" ("topic", "partition", "key", "value")
         SELECT t, p, k, v FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) WITH ORDINALITY AS m(t, p, k, v, n) ORDER BY n`,
        [messages.map((m) => m.topic), partitions, messages.map((m) => m.key), messages.map((m) => m.value)],
      );
      const payload = `${this.id}|${targets.join(',')}`;
      await client.query(`SELECT pg_notify($1, $2)`, [CHANNEL, payload.length < 7900 ? payload : this.id + '|']);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    for (const target of targets) this.wake(target);
  }

  async subscribe(options: SubscribeOptions): Promise<void> {
    if (this.stopping || this.closed) throw new Error('transport is stopping');
    if (this.groups.has(options.groupId)) throw new Error(`consumer group ${options.groupId} already subscribed`);
    this.groups.add(options.groupId);
    const topics = [...new Set(options.contracts.map((c) => c.topic))];
    const pairs = topics.flatMap((topic) => Array.from({ length: this.partitions }, (_, p) => ({ topic, p })));
    // A new group starts at the beginning of the log: what was published before it existed waits for it.
    await this.db().query(
      `INSERT INTO ${this.s}."consumer_offset" ("group_id", "topic", "partition")
       SELECT $1, t, p FROM unnest($2::text[], $3::int[]) AS x(t, p) ON CONFLICT DO NOTHING`,
      [options.groupId, pairs.map((x) => x.topic), pairs.map((x) => x.p)],
    );
    // The subscriber's own contracts validate its events (a compiled one is faster on large payloads).
    const registry = this.options.registry.with(options.contracts);
    for (const { topic, p } of pairs) {
      const loop: Loop = { groupId: options.groupId, topic, partition: p, busy: false, done: Promise.resolve(), registry };
      loop.done = this.run(loop, options);
      this.loops.push(loop);
    }
  }

  private wake(target: string): void {
    const waiters = this.waiters.get(target);
    if (!waiters) return;
    this.waiters.delete(target);
    for (const w of waiters) w.resolve();
  }

  private wakeAll(): void {
    for (const target of [...this.waiters.keys()]) this.wake(target);
  }

  private sleep(target: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const list = this.waiters.get(target) ?? [];
      function done() {
        clearTimeout(timer);
        resolve();
      }
      list.push({ resolve: done });
      this.waiters.set(target, list);
    });
  }

  private async run(loop: Loop, options: SubscribeOptions): Promise<void> {
    const target = `${loop.topic}/${loop.partition}`;
    let failures = 0;
    while (!this.stopping) {
      let consumed = 0;
      try {
        loop.busy = true;
        consumed = await this.poll(loop, options);
        failures = 0;
      } catch (error) {
        if (!this.stopping) this.options.onError?.(error);
        failures++;
      } finally {
        loop.busy = false;
      }
      if (this.stopping) break;
      if (failures > 0) await this.sleep(target, backoffMs(200, Math.min(failures, 5)));
      else if (consumed === 0) await this.sleep(target, this.options.pollIntervalMs ?? 1000);
    }
  }

  /** One round: lock the group's position, read what follows it, handle it, move the position. */
  private async poll(loop: Loop, options: SubscribeOptions): Promise<number> {
    const client = await this.db().connect();
    // The connection may drop while the handler runs (PostgreSQL restarted): the next query fails.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    let open = false;
    try {
      await client.query('BEGIN');
      open = true;
      const locked = await client.query<{ position: string }>(
        `SELECT "position" FROM ${this.s}."consumer_offset" WHERE "group_id" = $1 AND "topic" = $2 AND "partition" = $3
         FOR UPDATE SKIP LOCKED`,
        [loop.groupId, loop.topic, loop.partition],
      );
      if (locked.rows.length === 0) {
        await client.query('ROLLBACK');
        open = false;
        return 0; // another process of this group holds this partition
      }
      const from = locked.rows[0].position;
      const limit = Math.max(1, options.maxBatchSize ?? this.maxBatchSize);
      const { rows } = await client.query<Row>(
        `SELECT "position", "key", "value" FROM ${this.s}."message"
         WHERE "topic" = $1 AND "partition" = $2 AND "position" > $3 ORDER BY "position" LIMIT $4`,
        [loop.topic, loop.partition, from, limit],
      );
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        open = false;
        return 0;
      }
      const last = await this.deliver(client, loop, options, rows);
      if (last !== null) {
        // Losing this commit in a crash only means a redelivery, which the consumer's inbox skips.
        await client.query(`SET LOCAL synchronous_commit = off`);
        await client.query(
          `UPDATE ${this.s}."consumer_offset" SET "position" = $4, "updated_at" = now()
           WHERE "group_id" = $1 AND "topic" = $2 AND "partition" = $3`,
          [loop.groupId, loop.topic, loop.partition, last],
        );
      }
      await client.query('COMMIT');
      open = false;
      return last === null ? 0 : rows.length;
    } catch (error) {
      broken ??= error as Error;
      if (open) await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /**
   * Hands `rows` to the subscriber in order; returns the position up to which they were handled or
   * dead-lettered (null: none, when stopping interrupted retries of the first one).
   */
  private async deliver(client: PoolClient, loop: Loop, options: SubscribeOptions, rows: Row[]): Promise<string | null> {
    const wanted = (type: string, version: number) => options.contracts.some((c) => c.type === type && c.version === version);
    const events: { row: Row; envelope: EventEnvelope }[] = [];
    for (const row of rows) {
      let envelope: EventEnvelope;
      try {
        envelope = parseEnvelope(JSON.parse(row.value), loop.registry, row.value);
      } catch (error) {
        await this.deadLetter(client, loop, row, `invalid message: ${describeError(error)}`, 1);
        continue;
      }
      if (wanted(envelope.type, envelope.version)) events.push({ row, envelope });
    }
    const lastRow = rows[rows.length - 1].position;
    if (events.length === 0) return lastRow;
    const context = (attempt: number) => ({ attempt, heartbeat: async () => {} });
    if (options.batchHandler) {
      try {
        await options.batchHandler(
          events.map((e) => e.envelope),
          context(1),
        );
        return lastRow;
      } catch {
        // All or nothing failed: one by one, so only a poison event is retried and dead-lettered.
      }
    }
    const retries = options.retries ?? 4;
    for (let i = 0; i < events.length; i++) {
      const { row, envelope } = events[i];
      for (let attempt = 1; ; attempt++) {
        try {
          await options.handler(envelope, context(attempt));
          break;
        } catch (error) {
          if (attempt > retries) {
            await this.deadLetter(client, loop, row, describeError(error), attempt);
            break;
          }
          if (this.stopping) {
            // Leave it (and what follows) for the next start rather than dead-letter it early.
            return previous(rows, row);
          }
          await new Promise((r) => setTimeout(r, backoffMs(options.initialBackoffMs ?? 100, attempt)));
        }
      }
    }
    return lastRow;
  }

  private async deadLetter(client: PoolClient, loop: Loop, row: Row, reason: string, attempts: number): Promise<void> {
    await client.query(
      `INSERT INTO ${this.s}."dead_letter" ("group_id", "topic", "original_topic", "original_position", "key", "value", "reason", "attempts")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [loop.groupId, deadLetterTopic(loop.topic), loop.topic, row.position, row.key, row.value, reason, attempts],
    );
  }

  /** Messages that kept failing (or were not envelopes), oldest first. */
  async deadLetters(): Promise<(DeadLetter & { groupId: string })[]> {
    const { rows } = await this.db().query<{
      group_id: string;
      topic: string;
      original_topic: string;
      key: string;
      value: string;
      reason: string;
      attempts: number;
    }>(`SELECT "group_id", "topic", "original_topic", "key", "value", "reason", "attempts" FROM ${this.s}."dead_letter" ORDER BY "id"`);
    return rows.map((r) => ({
      groupId: r.group_id,
      topic: r.topic,
      originalTopic: r.original_topic,
      key: r.key,
      value: r.value,
      reason: r.reason,
      attempts: r.attempts,
    }));
  }

  /** Events published but not yet handled by this process's consumer groups (the consumer lag). */
  async pending(groupIds: string[] = [...this.groups]): Promise<number> {
    const { rows } = await this.db().query<{ count: string }>(
      `SELECT count(*) AS count FROM ${this.s}."consumer_offset" o
       JOIN ${this.s}."message" m ON m."topic" = o."topic" AND m."partition" = o."partition" AND m."position" > o."position"
       WHERE o."group_id" = ANY($1::text[])`,
      [groupIds],
    );
    return Number(rows[0].count);
  }

  /** Resolves when this process's consumer groups have handled everything published so far. */
  async idle(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.pending()) > 0 || this.loops.some((l) => l.busy)) {
      if (Date.now() > deadline) throw new Error(`event log not drained within ${timeoutMs} ms`);
      this.wakeAll();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Deletes messages older than the retention that every consumer group of their topic has read.
   * A group that stays away keeps its unread messages (unlike Kafka, nothing expires unread).
   */
  async prune(): Promise<number> {
    const result = await this.db().query(
      `DELETE FROM ${this.s}."message" m
       WHERE m."created_at" < now() - make_interval(hours => $1)
         AND m."position" <= COALESCE(
           (SELECT min(o."position") FROM ${this.s}."consumer_offset" o WHERE o."topic" = m."topic" AND o."partition" = m."partition"),
           9223372036854775807)`,
      [this.options.retentionHours ?? 7 * 24],
    );
    return result.rowCount ?? 0;
  }

  /** Stops taking new messages and finishes (and records) the ones in hand; publishing still works. */
  async stopConsumers(): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    await Promise.all(this.loops.map((l) => l.done));
    this.loops.length = 0;
    this.groups.clear();
    this.stopping = false;
    this.stoppedConsumers = true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.stopConsumers();
    this.closed = true;
    if (this.pruner) clearInterval(this.pruner);
    if (this.listenRetry) clearTimeout(this.listenRetry);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.pool?.end();
    this.pool = null;
  }

  async healthCheck(): Promise<{ ok: boolean; detail?: string }> {
    if (this.closed || !this.pool) return { ok: false, detail: 'closed' };
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, detail: `in-process, log in PostgreSQL (${this.schema})${this.stoppedConsumers ? ', consumers stopped' : ''}` };
    } catch (error) {
      return { ok: false, detail: describeError(error) };
    }
  }
}

/** The position just before `row` in `rows` (rows are consecutive reads of one partition). */
function previous(rows: Row[], row: Row): string | null {
  const i = rows.indexOf(row);
  return i > 0 ? rows[i - 1].position : null;
}
