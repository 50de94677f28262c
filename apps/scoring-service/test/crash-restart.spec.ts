/**
 * A consumer killed in the middle of a batch (SIGKILL: no graceful stop, no offset commit) and
 * restarted loses nothing and counts nothing twice. The survey and scoring services run as their
 * real processes (dist/main.js) on the real broker; offsets are committed only every 5 s, so the kill
 * usually lands after database commits whose offsets were not committed: those are redelivered, and
 * skipped by the processed-events record (how many is printed).
 */
import { createTestDatabase, eventually, kafkaBrokers, StopWaiting, TestDatabase, uniqueName } from '@leaderscope/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { allScored, counts, cycleSubmissions, kafkaTransport, recordedEvents, submittedEnvelope } from './support';

const root = join(__dirname, '..', '..', '..');

describe('a consumer killed mid-batch and restarted', () => {
  let db: TestDatabase;
  const children: { name: string; child: ChildProcess; output: string[] }[] = [];
  let env: NodeJS.ProcessEnv;

  function start(name: 'survey-service' | 'scoring-service') {
    const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry = { name, child, output: [] as string[] };
    child.stdout.on('data', (c) => entry.output.push(String(c)));
    child.stderr.on('data', (c) => entry.output.push(String(c)));
    children.push(entry);
    return entry;
  }

  function kill(entry: { child: ChildProcess }): Promise<void> {
    return new Promise((resolve) => {
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) return resolve();
      entry.child.once('exit', () => resolve());
      entry.child.kill('SIGKILL');
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `${uniqueName('crash')}.`,
      KAFKA_PARTITIONS: '3',
      KAFKA_COMMIT_INTERVAL_MS: '5000',
      // Small consumer batches (one transaction each), so the services are killed between many of them.
      KAFKA_CONSUMER_BATCH_SIZE: '5',
      LOG_LEVEL: 'debug',
    };
  });

  afterAll(async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.child.exitCode !== null || c.child.signalCode !== null) return resolve();
            c.child.once('exit', () => resolve());
            c.child.kill('SIGTERM');
          }),
      ),
    );
    await db?.drop();
  }, 60000);

  it('loses nothing and counts nothing twice: submitted 300 = stored 300 = scored 300', async () => {
    const gateway = kafkaTransport(kafkaBrokers(), env.KAFKA_TOPIC_PREFIX!, 'test-gateway', { partitions: 3 });
    await gateway.start();
    let survey = start('survey-service');
    let scoring = start('scoring-service');
    const alive = () => {
      for (const c of [survey, scoring]) if (c.child.exitCode !== null) throw new StopWaiting(`${c.name} exited: ${c.output.join('')}`);
    };
    try {
      const subs = cycleSubmissions('cycle-crash', 60, 3); // 60 subjects × 5 raters = 300
      // The services are up and consuming before the stream starts (otherwise, on a quiet machine,
      // the whole stream can be published before they connect and be stored in one go).
      await gateway.publish(subs.slice(0, 10).map(submittedEnvelope));
      await eventually(
        'the services to consume',
        async () => {
          alive();
          return (await counts(db.url)).stored >= 10;
        },
        60000,
      );
      // A steady stream (about 150/s) while the services work through it.
      const stream = (async () => {
        for (let i = 10; i < subs.length; i += 10) {
          await gateway.publish(subs.slice(i, i + 10).map(submittedEnvelope));
          await new Promise((r) => setTimeout(r, 60));
        }
      })();

      // Kill both services in the middle of the stream, once some work is committed in the database.
      const midway = await eventually(
        'the services to be midway',
        async () => {
          alive();
          const c = await counts(db.url);
          return c.stored >= 60 && c.scored >= 30 ? c : undefined;
        },
        60000,
      );
      await Promise.all([kill(survey), kill(scoring)]);
      expect(midway.stored).toBeLessThan(300);
      await stream;

      survey = start('survey-service');
      scoring = start('scoring-service');
      const done = await allScored(db.url, 300, 90000);
      // Give redeliveries time to arrive and be skipped, then check nothing moved.
      await new Promise((r) => setTimeout(r, 3000));
      const final = await counts(db.url);
      expect(done.stored).toBe(300);
      expect(final).toEqual({ stored: 300, scored: 300, inReports: 300, versionMismatches: 0 });
      expect(await recordedEvents(gateway)).toHaveLength(300);

      // Redeliveries did happen after the restart, and each was skipped.
      const skipped = (entry: { output: string[] }) => entry.output.join('').split('skipped redelivered event').length - 1;
      // Whether anything is redelivered depends on where the kill lands relative to the consumers'
      // last offset commit, which the test cannot place: it is printed, not asserted. What is
      // asserted above holds either way: every submission stored, scored and counted exactly once.
      process.stderr.write(
        `crash-restart: stored at the kill ${midway.stored}, scored ${midway.scored}; redelivered and skipped after restart: survey ${skipped(survey)}, scoring ${skipped(scoring)}\n`,
      );
    } finally {
      await gateway.close();
    }
  }, 180000);
});
