/**
 * Shared by the event-path tests: submissions as the gateway would publish them, the survey and
 * scoring services started in this process (each on its own transport, as separate processes
 * would be), and the counts the tests check (submitted = stored = scored).
 */
import { jsonTextOfStored, outboxEnvelopeText } from '@leaderscope/database';
import {
  catalogue,
  createEnvelope,
  EventEnvelope,
  EventTransport,
  KafkaTransport,
  registerZstdCodec,
  surveySubmittedV1,
  SurveySubmittedV1,
  Topics,
} from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { eventually, kafkaBrokers } from '@leaderscope/testing';
import { startSurveyService } from '@leaderscope/survey-service';
import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startScoringService } from '../src';

export const INSTRUMENT_ID = 'leader-of-leaders';
const instrument = getInstrument(INSTRUMENT_ID, 1);

export type Group = SurveySubmittedV1['raterGroup'];

/** A complete, valid submission in which the rater answers every item they observe with `level`. */
export function submission(
  cycleId: string,
  subjectId: string,
  raterId: string,
  raterGroup: Group,
  level = 4,
  extra: Partial<SurveySubmittedV1> = {},
) {
  const answers: Record<string, number | null> = {};
  for (const item of instrument.items) if (item.observers.includes(raterGroup)) answers[item.id] = level;
  return {
    submissionId: randomUUID(),
    cycleId,
    subjectId,
    raterId,
    raterGroup,
    instrumentId: INSTRUMENT_ID,
    instrumentVersion: 1,
    answers,
    comments: {},
    policy: { minGroupSize: 3, roleProfileId: null },
    submittedAt: new Date().toISOString(),
    ...extra,
  };
}

/** The envelope the gateway publishes for a submission (correlation id = submission id). */
export function submittedEnvelope(s: ReturnType<typeof submission>): EventEnvelope {
  return createEnvelope(surveySubmittedV1, s, { organisationId: 'org-test', correlationId: s.submissionId });
}

/** `subjects` subjects with one self, one manager and `peers` peers each. */
export function cycleSubmissions(cycleId: string, subjects: number, peers = 3) {
  const out: ReturnType<typeof submission>[] = [];
  for (let s = 0; s < subjects; s++) {
    const subjectId = `subject-${s}`;
    out.push(submission(cycleId, subjectId, `${subjectId}-self`, 'self', 4));
    out.push(submission(cycleId, subjectId, `${subjectId}-manager`, 'manager', 3));
    for (let p = 0; p < peers; p++) out.push(submission(cycleId, subjectId, `${subjectId}-peer-${p}`, 'peer', 2 + (p % 4)));
  }
  return out;
}

export function kafkaTransport(
  brokers: string[],
  namespace: string,
  clientId: string,
  extra: Partial<ConstructorParameters<typeof KafkaTransport>[0]> = {},
): KafkaTransport {
  return new KafkaTransport({ brokers, clientId, registry: catalogue, partitions: 3, namespace, ...extra });
}

export interface Services {
  survey: INestApplicationContext;
  scoring: INestApplicationContext;
  stop(): Promise<void>;
}

/** Starts both services on their own transports (owned by the caller) and one database. */
export async function startServices(
  databaseUrl: string,
  surveyTransport: EventTransport,
  scoringTransport: EventTransport,
): Promise<Services> {
  const survey = await startSurveyService({ databaseUrl, transport: surveyTransport, logger: ['error'] });
  const scoring = await startScoringService({ databaseUrl, transport: scoringTransport, logger: ['error'] });
  return {
    survey,
    scoring,
    async stop() {
      await surveyTransport.stopConsumers();
      await scoringTransport.stopConsumers();
      await survey.close();
      await scoring.close();
    },
  };
}

export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A report column's value as the JSON text it holds: reports are stored compressed
 * (ReportsCompressed1768900000001), which SQL cannot read, so tests select the column and read it
 * here. Null stays null.
 */
export function reportText(stored: Buffer | null): string | null {
  return stored === null ? null : jsonTextOfStored(stored);
}

/** A report column's value parsed (see `reportText`). */
export function storedReport<T = Record<string, unknown>>(stored: Buffer | null): T | null {
  return stored === null ? null : (JSON.parse(jsonTextOfStored(stored)) as T);
}

/** One row of the scoring outbox as the relay publishes it. */
export interface RelayedEnvelope {
  position: string;
  type: string;
  published: boolean;
  /** The envelope's text: as stored, or joined from the parts the view gives around its report (`outboxEnvelopeText`, as the relay does). */
  text: string;
  envelope: EventEnvelope<Record<string, unknown>> & { payload: Record<string, unknown> };
}

/**
 * Every envelope of `scoring.outbox_event_envelope` in position order, each as the relay would
 * publish it (the view gives a report.updated's envelope in parts around its compressed report,
 * which SQL cannot decompress: OutboxRelay joins them; this does the same for tests).
 */
export async function relayedEnvelopes(url: string): Promise<RelayedEnvelope[]> {
  const rows = await query<{
    position: string;
    type: string;
    published: boolean;
    json: string | null;
    envelope_head: string | null;
    envelope_body: Buffer | null;
    envelope_tail: string | null;
  }>(
    url,
    `SELECT "position", "type", "published_at" IS NOT NULL AS "published", "envelope"::text AS "json", "envelope_head", "envelope_body", "envelope_tail"
       FROM "scoring"."outbox_event_envelope" ORDER BY "position"`,
  );
  return rows.map((r) => {
    const text = outboxEnvelopeText(r);
    if (text === null) throw new Error(`outbox row ${r.position}: the report its envelope refers to is gone`);
    return { position: r.position, type: r.type, published: r.published, text, envelope: JSON.parse(text) as RelayedEnvelope['envelope'] };
  });
}

export interface Counts {
  /** survey.response rows */
  stored: number;
  /** scoring.rater_response rows */
  scored: number;
  /** sum of response_count over the live reports */
  inReports: number;
  /** subjects whose live report_version differs from its response_count (each response must bump it exactly once) */
  versionMismatches: number;
}

export async function counts(url: string): Promise<Counts> {
  const [row] = await query<Record<string, string>>(
    url,
    `SELECT
       (SELECT count(*) FROM survey.response) AS stored,
       (SELECT count(*) FROM scoring.rater_response) AS scored,
       (SELECT coalesce(sum(response_count), 0) FROM scoring.subject_report WHERE result_set = 'live') AS in_reports,
       (SELECT count(*) FROM scoring.subject_report WHERE result_set = 'live' AND report_version <> response_count) AS mismatches`,
  );
  return {
    stored: Number(row.stored),
    scored: Number(row.scored),
    inReports: Number(row.in_reports),
    versionMismatches: Number(row.mismatches),
  };
}

/**
 * The response.recorded events the survey service published, each once (by event id), as it wrote
 * them: read from the responses topic (its relay deletes what it publishes from its outbox). An event
 * published again (a relay that died before its delete committed) or republished by a test counts once;
 * a response recorded twice would count twice.
 */
export async function recordedEvents(transport: KafkaTransport, brokers = kafkaBrokers()): Promise<EventEnvelope[]> {
  const total = await transport.messageCount(Topics.Responses);
  const messages = await readTopic(brokers, transport.topicName(Topics.Responses), total);
  const byId = new Map<string, EventEnvelope>();
  for (const m of messages) {
    const envelope = JSON.parse(m.value) as EventEnvelope;
    if (envelope.type === 'response.recorded' && !byId.has(envelope.id)) byId.set(envelope.id, envelope);
  }
  return [...byId.values()];
}

/** Waits until `n` responses are stored, scored and counted in the live reports. */
export async function allScored(url: string, n: number, timeoutMs = 60000): Promise<Counts> {
  return eventually(
    `${n} responses stored, scored and in the reports`,
    async () => {
      const c = await counts(url);
      return c.stored >= n && c.scored >= n && c.inReports >= n ? c : undefined;
    },
    timeoutMs,
  );
}

/** Messages on a topic (sum of its partitions' end offsets). */
export async function topicMessages(transport: KafkaTransport, topic: string): Promise<number> {
  return transport.messageCount(topic);
}

/** Reads every message of a topic from the beginning (for dead-letter checks). */
export async function readTopic(brokers: string[], topicName: string, expected: number, timeoutMs = 30000) {
  const { Kafka, logLevel } = await import('kafkajs');
  registerZstdCodec(); // the services produce zstd batches (KAFKA_COMPRESSION)
  const kafka = new Kafka({ brokers, clientId: 'topic-reader', logLevel: logLevel.NOTHING });
  const reader = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const messages: { key: string; headers: Record<string, string>; value: string }[] = [];
  await reader.connect();
  await reader.subscribe({ topic: topicName, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      messages.push({ key: String(message.key), headers, value: String(message.value) });
    },
  });
  try {
    await eventually(`${expected} message(s) on ${topicName}`, async () => messages.length >= expected, timeoutMs);
  } finally {
    await reader.disconnect();
  }
  return messages;
}
