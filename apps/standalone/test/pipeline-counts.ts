/** How far the platform's pipeline has got, counted in its tables: the crash and replica-fault tests compare these. */
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export interface PipelineCounts {
  /** submissions the gateway accepted (receipts) */
  accepted: number;
  /** responses the survey service stored */
  recorded: number;
  /** responses the scoring service stored */
  scored: number;
  /** receipts the gateway knows the survey service stored (`response.recorded`) */
  gatewayRecorded: number;
  /** receipts the gateway knows the scoring service stored (`response.counted`): HR's "counted" */
  gatewayCounted: number;
  /** responses counted in the scoring service's live reports */
  inReports: number;
  /** responses counted in the live reports the gateway stored */
  inGatewayReports: number;
  /** raters in the disclosed live snapshots: what the disclosure rule lets anyone see (docs/anonymity.md) */
  disclosed: number;
  /** outbox rows of the three apps not yet published */
  unpublished: number;
}

export async function pipelineCounts(db: Client): Promise<PipelineCounts> {
  const n = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);
  return {
    accepted: await n(`SELECT count(*) AS n FROM gateway.submission`),
    recorded: await n(`SELECT count(*) AS n FROM survey.response`),
    scored: await n(`SELECT count(*) AS n FROM scoring.rater_response`),
    gatewayRecorded: await n(`SELECT count(*) AS n FROM gateway.submission WHERE status = 'recorded'`),
    gatewayCounted: await n(`SELECT count(*) AS n FROM gateway.submission WHERE counted_at IS NOT NULL`),
    inReports: await n(`SELECT coalesce(sum(response_count), 0) AS n FROM scoring.subject_report WHERE result_set = 'live'`),
    inGatewayReports: await n(`SELECT coalesce(sum(response_count), 0) AS n FROM gateway.subject_report WHERE result_set = 'live'`),
    disclosed: await n(
      `SELECT coalesce(sum(cardinality(response_ids)), 0) AS n FROM (SELECT DISTINCT ON (cycle_id, subject_id) response_ids FROM scoring.disclosed_view
         WHERE result_set = 'live' ORDER BY cycle_id, subject_id, snapshot DESC) d`,
    ),
    unpublished: await n(
      `SELECT (SELECT count(*) FROM gateway.outbox_event WHERE published_at IS NULL)
            + (SELECT count(*) FROM survey.outbox_event WHERE published_at IS NULL)
            + (SELECT count(*) FROM scoring.outbox_event WHERE published_at IS NULL) AS n`,
    ),
  };
}

/**
 * SQL counting the events of `type` emitted on the one-machine platform (the PostgreSQL event log),
 * each once: published (`event_log.message`: the relays delete what they publish) or still waiting
 * in `schema`'s outbox. `type` is a contract's type name (constant). The count is the column `n`.
 */
export function emittedEventsSql(schema: 'gateway' | 'survey' | 'scoring' | 'notification', type: string): string {
  if (!/^[a-z.-]+$/.test(type)) throw new Error(`not an event type: ${type}`);
  return `SELECT count(DISTINCT id)::int AS n FROM (
    SELECT "event_id"::text AS id FROM "${schema}"."outbox_event" WHERE "type" = '${type}'
    UNION ALL SELECT "value"::json->>'id' FROM "event_log"."message" WHERE "value"::json->>'type' = '${type}') AS e`;
}

/** Messages on a Kafka topic (its full name): the sum of its partitions' high-water marks. */
export async function topicMessages(brokers: string[], topic: string): Promise<number> {
  const admin = new Kafka({ brokers, clientId: 'test-topic-count', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, o) => sum + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
}
