/**
 * A broker restart during a stream of submissions loses none. This test starts its OWN broker on a
 * separate port (19192, never the shared 19092 other tests use), streams submissions through a
 * gateway-style transactional outbox, stops the broker mid-stream (data kept), starts it again, and
 * checks that every submission was stored and scored exactly once.
 */
import { createOutboxTables, enqueueEvents, OutboxRelay } from '@leaderscope/database';
import { createTestDatabase, eventually, TestDatabase, uniqueName } from '@leaderscope/testing';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { allScored, counts, cycleSubmissions, kafkaTransport, recordedEvents, Services, startServices, submittedEnvelope } from './support';

const kafkaDir = join(__dirname, '..', '..', '..', 'infra', 'kafka');
const PORT = Number(process.env.LEADERSCOPE_RESTART_TEST_KAFKA_PORT ?? 19192);

function broker(action: 'start' | 'stop', keepData: boolean) {
  execFileSync('bash', [join(kafkaDir, `${action}.sh`)], {
    stdio: 'inherit',
    env: { ...process.env, KAFKA_PORT: String(PORT), KAFKA_KEEP_DATA: keepData ? '1' : '', KAFKA_HEAP: '512m' },
    timeout: 150000,
  });
}

describe('a broker restart during a stream of submissions', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    broker('stop', false); // a leftover from an interrupted run, if any (only the broker on our port)
    broker('start', false);
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA test_gateway`);
    const runner = dataSource.createQueryRunner();
    await createOutboxTables(runner, 'test_gateway');
    await runner.release();
  }, 180000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
    broker('stop', false);
  }, 120000);

  it('loses none: submitted 400 = stored 400 = scored 400', async () => {
    const brokers = [`127.0.0.1:${PORT}`];
    const namespace = `${uniqueName('restart')}.`;
    // kafkajs logs every refused connection during the outage; keep the test output readable.
    const quiet = { logLevel: 0 /* kafkajs logLevel.NOTHING */ };
    const gateway = kafkaTransport(brokers, namespace, 'test-gateway', quiet);
    const surveyTransport = kafkaTransport(brokers, namespace, 'survey-service', quiet);
    const scoringTransport = kafkaTransport(brokers, namespace, 'scoring-service', quiet);
    for (const t of [gateway, surveyTransport, scoringTransport]) await t.start();
    const services: Services = await startServices(db.url, surveyTransport, scoringTransport);
    // The gateway's side: each accepted submission is committed to an outbox, and a relay publishes.
    const relay = new OutboxRelay({ dataSource, schema: 'test_gateway', transport: gateway, intervalMs: 250, onError: () => {} });
    relay.start();
    try {
      const subs = cycleSubmissions('cycle-restart', 80, 3); // 80 subjects × 5 = 400
      let accepted = 0;
      const stream = (async () => {
        for (let i = 0; i < subs.length; i += 5) {
          await dataSource.transaction((m) => enqueueEvents(m, 'test_gateway', subs.slice(i, i + 5).map(submittedEnvelope)));
          accepted += 5;
          relay.kick();
          await new Promise((r) => setTimeout(r, 50)); // about 100 submissions/s for 4 s
        }
      })();

      await eventually('some submissions to be stored before the restart', async () => (await counts(db.url)).stored >= 40, 60000);
      broker('stop', true);
      const duringOutage = accepted;
      await new Promise((r) => setTimeout(r, 2000));
      broker('start', true);
      await stream;
      expect(accepted).toBe(400);

      const done = await allScored(db.url, 400, 150000);
      await eventually('the gateway outbox to be fully published', async () => (await relay.pending()) === 0, 60000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(done.stored).toBe(400);
      expect(await counts(db.url)).toEqual({ stored: 400, scored: 400, inReports: 400, versionMismatches: 0 });
      expect(await recordedEvents(gateway, brokers)).toHaveLength(400);
      process.stderr.write(
        `broker-restart: ${duringOutage} submissions accepted when the broker stopped, 400 in all; stored 400, scored 400\n`,
      );
    } finally {
      await relay.stop().catch(() => {});
      await services.stop();
      for (const t of [gateway, surveyTransport, scoringTransport]) await t.close().catch(() => {});
    }
  }, 300000);
});
