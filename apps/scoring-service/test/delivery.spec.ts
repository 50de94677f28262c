/**
 * The event path on the real Kafka broker and a real PostgreSQL: survey service and scoring service
 * (each on its own KafkaTransport, as separate processes), submissions published as the gateway does.
 * Every test states its counts: submitted = stored = scored.
 */
import {
  createEnvelope,
  EventEnvelope,
  EventTransport,
  KafkaTransport,
  responseRecordedV1,
  SerializedEvent,
  Topics,
} from '@leaderscope/events';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, uniqueName } from '@leaderscope/testing';
import {
  allScored,
  counts,
  cycleSubmissions,
  kafkaTransport,
  query,
  readTopic,
  recordedEvents,
  Services,
  startServices,
  submission,
  submittedEnvelope,
} from './support';

describe('event path on the real broker: duplicates, poison messages, a relay dying before it deletes', () => {
  let db: TestDatabase;
  let namespace: string;
  let gateway: KafkaTransport; // publishes as the gateway would
  let surveyTransport: KafkaTransport;
  let scoringTransport: KafkaTransport;
  let services: Services | undefined;

  /** The survey service's relay "dies" after publishing and before marking, `deaths` times. */
  let relayDeaths = 0;

  beforeEach(async () => {
    db = await createTestDatabase();
    namespace = `${uniqueName('delivery')}.`;
    gateway = kafkaTransport(kafkaBrokers(), namespace, 'test-gateway');
    surveyTransport = kafkaTransport(kafkaBrokers(), namespace, 'survey-service');
    scoringTransport = kafkaTransport(kafkaBrokers(), namespace, 'scoring-service');
    for (const t of [gateway, surveyTransport, scoringTransport]) await t.start(); // one at a time: no topic-creation race
    relayDeaths = 0;
    // The survey service publishes through a transport that, while relayDeaths > 0, publishes and
    // then fails: exactly a relay that died after publishing and before marking its rows.
    const dying = () => {
      if (relayDeaths > 0) {
        relayDeaths--;
        throw new Error('relay died after publishing, before marking');
      }
    };
    const dyingRelayTransport: EventTransport = Object.create(surveyTransport, {
      publish: {
        value: async (envelopes: EventEnvelope[]) => {
          await surveyTransport.publish(envelopes);
          dying();
        },
      },
      // The relay's path.
      publishSerialized: {
        value: async (events: SerializedEvent[]) => {
          await surveyTransport.publishSerialized(events);
          dying();
        },
      },
    });
    services = await startServices(db.url, dyingRelayTransport, scoringTransport);
  }, 60000);

  afterEach(async () => {
    await services?.stop();
    await Promise.all([gateway.close(), surveyTransport.close(), scoringTransport.close()]);
    await db.drop();
  }, 60000);

  async function lagIsZero() {
    await eventually(
      'consumer lag to reach zero',
      async () => {
        const lags = [...(await surveyTransport.consumerLag()), ...(await scoringTransport.consumerLag())];
        return lags.length > 0 && lags.every((l) => l.lag === 0);
      },
      30000,
    );
  }

  it('counts a duplicated delivery once (same event twice, same submission under a new event id, a recorded event republished)', async () => {
    const subs = cycleSubmissions('cycle-dup', 3, 2); // 3 subjects × (self, manager, 2 peers) = 12
    const envelopes = subs.map(submittedEnvelope);
    // Every event twice (same id), then every submission again under a new event id (a client retry).
    await gateway.publish([...envelopes, ...envelopes]);
    await gateway.publish(subs.map(submittedEnvelope));
    const settled = await allScored(db.url, 12);
    await lagIsZero();

    // Now the recorded events a second time, exactly as the survey service published them.
    const recorded = await recordedEvents(surveyTransport);
    expect(recorded).toHaveLength(12);
    await gateway.publish(recorded);
    await lagIsZero();

    const c = await counts(db.url);
    // submitted 12 distinct (36 deliveries) = stored 12 = scored 12; each response bumped its report once.
    expect(await gateway.messageCount(Topics.SurveySubmissions)).toBe(36);
    expect(await gateway.messageCount(Topics.Responses)).toBeGreaterThanOrEqual(24);
    expect(c).toEqual({ stored: 12, scored: 12, inReports: 12, versionMismatches: 0 });
    expect(await recordedEvents(surveyTransport)).toHaveLength(12);
    expect(settled.stored).toBe(12);
    const processed = await query<{ consumer: string; n: string }>(
      db.url,
      `SELECT consumer, count(*) AS n FROM survey.processed_event GROUP BY consumer`,
    );
    expect(processed).toEqual([{ consumer: 'record-response', n: '24' }]); // 12 ids + 12 retry ids; the 12 repeats skipped
    const reports = await query<{ report_version: number; response_count: number }>(
      db.url,
      `SELECT report_version, response_count FROM scoring.subject_report WHERE result_set = 'live'`,
    );
    expect(reports).toHaveLength(3);
    for (const r of reports) expect(r).toEqual({ report_version: 4, response_count: 4 });
  }, 90000);

  it('dead-letters poison messages with the reason while the messages behind them on the same key are processed', async () => {
    const before = [submission('cycle-poison', 's1', 'r-self', 'self'), submission('cycle-poison', 's1', 'r-manager', 'manager', 3)];
    const after = [1, 2, 3, 4].map((i) => submission('cycle-poison', 's1', `r-peer-${i}`, 'peer', 2 + (i % 3)));
    await gateway.publish(before.map(submittedEnvelope));
    // Poison 1, for the survey service: not an envelope at all, on the subject's key.
    await (gateway as unknown as { producer: import('kafkajs').Producer }).producer.send({
      topic: gateway.topicName(Topics.SurveySubmissions),
      messages: [{ key: 'cycle-poison:s1', value: '{"this is": "not an envelope"' }],
    });
    // Poison 2, for the scoring service: a valid response.recorded it cannot score (unknown instrument).
    const poison = createEnvelope(
      responseRecordedV1,
      {
        responseId: '00000000-0000-4000-8000-000000000001',
        submissionId: '00000000-0000-4000-8000-000000000002',
        cycleId: 'cycle-poison',
        subjectId: 's1',
        raterId: 'r-ghost',
        raterGroup: 'peer',
        instrumentId: 'no-such-instrument',
        instrumentVersion: 1,
        responseVersion: 1,
        answers: {},
        comments: {},
        recordedAt: new Date().toISOString(),
      },
      { organisationId: 'org-test' },
    );
    await gateway.publish([poison]);
    await gateway.publish(after.map(submittedEnvelope));

    // submitted 6 valid = stored 6 = scored 6; 2 dead letters.
    await allScored(db.url, 6);
    await lagIsZero();
    expect(await counts(db.url)).toEqual({ stored: 6, scored: 6, inReports: 6, versionMismatches: 0 });
    // the survey service recorded the six good ones (the poison recorded event was the test's own)
    expect((await recordedEvents(surveyTransport)).filter((e) => e.id !== poison.id)).toHaveLength(6);
    expect(await query(db.url, `SELECT rater_id FROM scoring.rater_response WHERE rater_id = 'r-ghost'`)).toEqual([]);

    const [surveyDead] = await readTopic(kafkaBrokers(), gateway.topicName(`${Topics.SurveySubmissions}.dlq`), 1);
    expect(surveyDead.key).toBe('cycle-poison:s1');
    expect(surveyDead.headers['dead-letter-reason']).toMatch(/^invalid message: SyntaxError/);
    expect(surveyDead.headers['original-topic']).toBe(gateway.topicName(Topics.SurveySubmissions));
    const [scoringDead] = await readTopic(kafkaBrokers(), gateway.topicName(`${Topics.Responses}.dlq`), 1);
    expect(scoringDead.key).toBe('cycle-poison:s1');
    expect(scoringDead.headers['dead-letter-reason']).toContain('unknown instrument "no-such-instrument"');
    expect(scoringDead.headers['dead-letter-attempts']).toBe('5');
    expect(JSON.parse(scoringDead.value).id).toBe(poison.id);
  }, 90000);

  it('causes no double effect when the relay dies after publishing and before deleting', async () => {
    relayDeaths = 3; // the first three relay batches are published, then "die" unmarked, and are published again
    const subs = cycleSubmissions('cycle-relay', 3, 2); // 12
    for (const s of subs) {
      await gateway.publish([submittedEnvelope(s)]);
      await new Promise((r) => setTimeout(r, 20));
    }
    await allScored(db.url, 12);
    await lagIsZero();
    await eventually('the survey outbox to be fully published', async () => {
      const [row] = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM survey.outbox_event WHERE published_at IS NULL`);
      return row.n === '0';
    });
    expect(relayDeaths).toBe(0);
    const published = await gateway.messageCount(Topics.Responses);
    // submitted 12 = stored 12 = scored 12, although the responses topic holds more than 12 messages.
    expect(published).toBeGreaterThan(12);
    expect(await counts(db.url)).toEqual({ stored: 12, scored: 12, inReports: 12, versionMismatches: 0 });
    expect(await recordedEvents(surveyTransport)).toHaveLength(12);
    const [skipped] = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM scoring.processed_event`);
    expect(Number(skipped.n)).toBe(12);
  }, 90000);
});
