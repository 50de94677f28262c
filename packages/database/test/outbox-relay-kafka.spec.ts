/**
 * The outbox relay on a real PostgreSQL and a real Kafka broker: it publishes each envelope's stored
 * text as the message value, byte for byte (no JSON.parse and no JSON.stringify on its way), with
 * the key and headers the transport's `publish` would give it, rows written before the routing
 * columns existed included, in outbox order.
 */
import { catalogue, EventEnvelope, KafkaTransport, Topics } from '@leaderscope/events';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, uniqueName } from '@leaderscope/testing';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createOutboxTables, enqueueEvents, OutboxRelay } from '../src';
import { reportEvent } from '@leaderscope/events/test/report-event';

const report = (subjectId: string, reportVersion: number): EventEnvelope =>
  reportEvent(subjectId, reportVersion, `corr-${subjectId}-${reportVersion}`);

/**
 * The envelope as a text JSON.stringify would never give: payload first, a space after every colon
 * and comma, an indent. The outbox's `text` column keeps it exactly.
 */
function oddText(envelope: EventEnvelope): string {
  const { payload, ...rest } = envelope;
  return JSON.stringify({ payload, ...rest }, null, 1).replace(/\n\s*/g, ' ');
}

interface Received {
  key: string;
  value: string;
  headers: Record<string, string>;
}

describe('OutboxRelay to Kafka: the stored envelope text is the message', () => {
  const namespace = `${uniqueName('relay-passthrough')}.`;
  let db: TestDatabase;
  let dataSource: DataSource;
  let transport: KafkaTransport;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 5 } });
    await dataSource.initialize();
    for (const schema of ['as_text', 'as_jsonb']) {
      await dataSource.query(`CREATE SCHEMA "${schema}"`);
      const runner = dataSource.createQueryRunner();
      await createOutboxTables(runner, schema);
      await runner.release();
    }
    // An outbox as the services had it before WholeJsonAsText / OutboxEnvelopeAsText: jsonb (see the last test).
    await dataSource.query(`ALTER TABLE "as_jsonb"."outbox_event" ALTER COLUMN "envelope" TYPE jsonb USING "envelope"::jsonb`);
    // Small requests: a batch goes to the broker in several, one after the other.
    transport = new KafkaTransport({
      brokers: kafkaBrokers(),
      clientId: 'relay-passthrough',
      registry: catalogue,
      partitions: 3,
      namespace,
      maxRequestBytes: 4 * 1024,
    });
    await transport.start();
  }, 60000);

  afterAll(async () => {
    for (const c of consumers) await c.disconnect();
    await transport?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Every message of the reports topic whose event id is in `ids`, as received. */
  async function receive(ids: Set<string>): Promise<Received[]> {
    const kafka = new Kafka({ brokers: kafkaBrokers(), clientId: 'relay-passthrough-reader', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: uniqueName('relay-passthrough-reader') });
    consumers.push(consumer);
    const received: Received[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: transport.topicName(Topics.Reports), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        if (!ids.has(headers['event-id'])) return;
        received.push({ key: String(message.key), value: message.value?.toString('utf8') ?? '', headers });
      },
    });
    await eventually('every message to arrive', async () => received.length >= ids.size, 30000);
    return received;
  }

  it('publishes the stored text byte for byte, with key and headers, pre-migration rows included, in outbox order', async () => {
    // One key (subject a: one partition, so one order) and another (b), written four ways, mixed:
    // enqueueEvents, a row with its routing columns and an odd text, a row without them (written
    // before the migration) with an odd text, and one without them as enqueueEvents wrote it before.
    const written: EventEnvelope[] = [];
    for (let v = 1; v <= 12; v++) {
      for (const subject of ['a', 'b']) {
        const envelope = report(subject, v);
        written.push(envelope);
        const text = oddText(envelope);
        expect(JSON.stringify(JSON.parse(text))).not.toBe(text);
        switch (v % 4) {
          case 0:
            await dataSource.transaction((m) => enqueueEvents(m, 'as_text', [envelope]));
            break;
          case 1:
            await dataSource.query(
              `INSERT INTO "as_text"."outbox_event" ("event_id", "type", "version", "key", "correlation_id", "envelope")
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [envelope.id, envelope.type, envelope.version, envelope.key, envelope.correlationId, text],
            );
            break;
          case 2:
            await dataSource.query(`INSERT INTO "as_text"."outbox_event" ("event_id", "envelope") VALUES ($1, $2)`, [envelope.id, text]);
            break;
          default:
            await dataSource.query(`INSERT INTO "as_text"."outbox_event" ("event_id", "envelope") VALUES ($1, $2)`, [
              envelope.id,
              JSON.stringify(envelope),
            ]);
        }
      }
    }
    const stored: { id: string; text: string; routed: boolean }[] = await dataSource.query(
      `SELECT "event_id" AS "id", "envelope"::text AS "text", "type" IS NOT NULL AS "routed" FROM "as_text"."outbox_event" ORDER BY "position"`,
    );
    expect(stored).toHaveLength(24);

    // The relay parses nothing it has the routing columns of (JSON.parse sees none of those texts).
    const routedTexts = new Set(stored.filter((r) => r.routed).map((r) => r.text));
    const parse = jest.spyOn(JSON, 'parse');
    const relay = new OutboxRelay({ dataSource, schema: 'as_text', transport, batchSize: 5 });
    try {
      expect(await relay.drain()).toBe(24);
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && routedTexts.has(text))).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(await relay.pending()).toBe(0);

    const received = await receive(new Set(written.map((e) => e.id)));
    expect(received).toHaveLength(24);
    const byId = new Map(received.map((r) => [r.headers['event-id'], r]));
    for (const row of stored) {
      const message = byId.get(row.id)!;
      const envelope = written.find((e) => e.id === row.id)!;
      expect(message.value).toBe(row.text); // byte for byte what the outbox holds
      expect(message.key).toBe(envelope.key);
      expect(message.headers).toEqual({
        'event-id': envelope.id,
        'event-type': 'report.updated',
        'event-version': '1',
        'correlation-id': envelope.correlationId,
      });
      expect(JSON.parse(message.value)).toEqual(JSON.parse(JSON.stringify(envelope)));
    }
    // Per key, in the order written (whatever way each row was written).
    for (const subject of ['a', 'b']) {
      const versions = received
        .map((r) => JSON.parse(r.value) as EventEnvelope<{ subjectId: string; reportVersion: number }>)
        .filter((e) => e.payload.subjectId === subject)
        .map((e) => e.payload.reportVersion);
      expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
  });

  it('publishes rows written while the outbox was jsonb as PostgreSQL renders them once the column is text', async () => {
    const envelopes = [1, 2, 3].map((v) => report('j', v));
    for (const [i, envelope] of envelopes.entries()) {
      await dataSource.query(
        `INSERT INTO "as_jsonb"."outbox_event" ("event_id", "type", "version", "key", "correlation_id", "envelope") VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        i === 2
          ? [envelope.id, null, null, null, null, JSON.stringify(envelope)]
          : [envelope.id, envelope.type, envelope.version, envelope.key, envelope.correlationId, JSON.stringify(envelope)],
      );
    }
    // What the services' migrations do (WholeJsonAsText, OutboxEnvelopeAsText).
    await dataSource.query(`ALTER TABLE "as_jsonb"."outbox_event" ALTER COLUMN "envelope" TYPE text`);
    const stored: { id: string; text: string }[] = await dataSource.query(
      `SELECT "event_id" AS "id", "envelope"::text AS "text" FROM "as_jsonb"."outbox_event" ORDER BY "position"`,
    );
    const relay = new OutboxRelay({ dataSource, schema: 'as_jsonb', transport });
    expect(await relay.drain()).toBe(3);
    const received = await receive(new Set(envelopes.map((e) => e.id)));
    expect(received.map((r) => r.headers['event-id'])).toEqual(envelopes.map((e) => e.id));
    received.forEach((message, i) => {
      expect(message.value).toBe(stored[i].text);
      expect(JSON.parse(message.value)).toEqual(JSON.parse(JSON.stringify(envelopes[i])));
      expect(message.key).toBe(envelopes[i].key);
      expect(message.headers['correlation-id']).toBe(envelopes[i].correlationId);
      expect(message.headers['event-type']).toBe('report.updated');
      expect(message.headers['event-version']).toBe('1');
    });
  });
});
