/**
 * The walking skeleton, distributed: the gateway, the survey service and the scoring service run as
 * three separate Node processes (their real `main.js`) on a real Kafka broker and a real PostgreSQL.
 * A survey submitted through GraphQL travels gateway → Kafka → survey-service (stored) → Kafka →
 * scoring-service (scored) → Kafka → gateway (read model), and the score reads back through GraphQL.
 */
import { freePort } from '@leaderscope/database';
import { createTestDatabase, eventually, kafkaBrokers, StopWaiting, TestDatabase, uniqueName } from '@leaderscope/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { graphql, SUBJECT_REPORT, SUBMIT_SURVEY } from './graphql-client';
import { instrument, submissionAt } from './survey-answers';

const root = join(__dirname, '..', '..', '..');
const apps = ['survey-service', 'scoring-service', 'gateway'];

describe('walking skeleton: gateway → Kafka → survey-service → Kafka → scoring-service, as three processes', () => {
  let db: TestDatabase;
  let baseUrl: string;
  const processes: { name: string; child: ChildProcess; output: string[] }[] = [];

  async function count(sql: string): Promise<number> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return Number((await client.query(sql)).rows[0].count);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `${uniqueName('skeleton')}.`,
      KAFKA_PARTITIONS: '3',
      PORT: String(port),
    };
    for (const name of apps) {
      const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const output: string[] = [];
      child.stdout!.on('data', (chunk) => output.push(String(chunk)));
      child.stderr!.on('data', (chunk) => output.push(String(chunk)));
      processes.push({ name, child, output });
    }
    try {
      await eventually('the gateway to be ready', async () => {
        for (const p of processes) {
          if (p.child.exitCode !== null) throw new StopWaiting(`${p.name} exited with code ${p.child.exitCode}`);
        }
        const response = await fetch(`${baseUrl}/health`);
        return response.status === 200;
      }, 60000);
    } catch (error) {
      throw new Error(`${String(error)}\n${processes.map((p) => `--- ${p.name}\n${p.output.join('')}`).join('\n')}`);
    }
  }, 90000);

  afterAll(async () => {
    await Promise.all(
      processes.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.child.exitCode !== null) return resolve();
            p.child.once('exit', () => resolve());
            p.child.kill('SIGTERM');
          }),
      ),
    );
    await db?.drop();
  }, 60000);

  const cycleId = 'cycle-skeleton';
  const subjectId = 'subject-ada';
  const raters = [
    { raterId: 'r-self', raterGroup: 'self', level: 5 },
    { raterId: 'r-manager', raterGroup: 'manager', level: 3 },
    { raterId: 'r-peer-1', raterGroup: 'peer', level: 3 },
    { raterId: 'r-peer-2', raterGroup: 'peer', level: 4 },
    { raterId: 'r-peer-3', raterGroup: 'peer', level: 5 },
    { raterId: 'r-report-1', raterGroup: 'direct_report', level: 2 },
    { raterId: 'r-report-2', raterGroup: 'direct_report', level: 4 },
  ];

  it('scores submitted surveys and reads the scores back through GraphQL', async () => {
    const receipts: string[] = [];
    for (const rater of raters) {
      const input = submissionAt(rater.level, { cycleId, subjectId, raterId: rater.raterId, raterGroup: rater.raterGroup });
      const result = await graphql(baseUrl, SUBMIT_SURVEY, { input });
      expect(result.errors).toBeUndefined();
      expect(result.data.submitSurvey.status).toBe('accepted');
      receipts.push(result.data.submitSurvey.submissionId);

      // The same idempotency key and body again: the same receipt, nothing new published.
      const replay = await graphql(baseUrl, SUBMIT_SURVEY, { input });
      expect(replay.data.submitSurvey.submissionId).toBe(result.data.submitSurvey.submissionId);
    }

    const report = await eventually('all seven responses to be scored', async () => {
      const result = await graphql(baseUrl, SUBJECT_REPORT, { cycleId, subjectId });
      const r = result.data?.subjectReport;
      return r && r.responseCount === raters.length ? r : undefined;
    }, 30000);

    expect(report.dimensions.length).toBe(11);
    let peerDimensions = 0;
    let reportDimensions = 0;
    for (const dimension of report.dimensions) {
      const group = (name: string) => dimension.groups.find((g: { group: string }) => g.group === name);
      const observedBy = (name: string) =>
        instrument.items.some((i) => i.dimensionId === dimension.dimensionId && (!i.observers || i.observers.includes(name as never)));
      // Each rater's dimension score equals their level, so the group means are known exactly.
      if (observedBy('peer')) {
        peerDimensions++;
        expect(group('peer')).toMatchObject({ n: 3, suppressed: false, mean: 4 });
        expect(group('peer').ciLow).toBeLessThan(4);
        expect(group('peer').ciHigh).toBeGreaterThan(4);
      } else {
        expect(group('peer')).toBeUndefined();
      }
      if (observedBy('self')) expect(group('self')).toMatchObject({ n: 1, suppressed: false, mean: 5 });
      if (observedBy('manager')) expect(group('manager')).toMatchObject({ n: 1, suppressed: false, mean: 3 });
      if (observedBy('direct_report')) {
        reportDimensions++;
        // Two direct reports are below the anonymity threshold of three: never published.
        expect(group('direct_report')).toMatchObject({ n: 2, suppressed: true, mean: null });
      }
      if (!dimension.others.suppressed) {
        expect(dimension.others.includes).not.toContain('self');
        const counted = dimension.others.includes.reduce((sum: number, g: string) => sum + (group(g)?.n ?? 0), 0);
        expect(dimension.others.n).toBe(counted);
        if (dimension.others.includes.includes('direct_report')) {
          // Merged in only when the merged group is itself large enough to hide the two reports.
          expect(dimension.others.includes.filter((g: string) => !group(g)!.suppressed).length).toBeGreaterThan(0);
        }
      }
      if (dimension.gap !== null) expect(dimension.gap).toBeCloseTo(5 - dimension.others.mean, 10);
    }
    expect(peerDimensions).toBeGreaterThan(0);
    expect(reportDimensions).toBeGreaterThan(0);

    // Every submission's receipt turns to "recorded" once the survey service stored it.
    for (const submissionId of receipts) {
      await eventually(`submission ${submissionId} to be recorded`, async () => {
        const result = await graphql(baseUrl, `query($id: ID!) { submissionReceipt(submissionId: $id) { status } }`, { id: submissionId });
        return result.data?.submissionReceipt?.status === 'recorded';
      });
    }
    // Submitted = stored = scored, and the replays counted once.
    expect(await count(`SELECT count(*) FROM gateway.submission`)).toBe(raters.length);
    expect(await count(`SELECT count(*) FROM survey.response`)).toBe(raters.length);
    expect(await count(`SELECT count(*) FROM scoring.rater_response`)).toBe(raters.length);
  }, 60000);

  it('refuses a malformed submission with an error naming the field, and publishes nothing', async () => {
    const outboxBefore = await count(`SELECT count(*) FROM gateway.outbox_event`);
    const submissionsBefore = await count(`SELECT count(*) FROM gateway.submission`);

    const input = submissionAt(3, { cycleId, subjectId, raterId: 'r-peer-4', raterGroup: 'peer' });
    input.answers[0].value = 9;
    input.answers[1].itemId = 'no-such-item';
    const result = await graphql(baseUrl, SUBMIT_SURVEY, { input });

    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.stacktrace).toBeUndefined();
    const fields = (error.extensions?.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.answers[0].value', 'input.answers[1].itemId']));
    expect(error.message).toContain('input.answers[0].value');

    const missingKey = await graphql(baseUrl, SUBMIT_SURVEY, { input: { ...input, idempotencyKey: 'not-a-uuid' } });
    expect(missingKey.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(missingKey.errors![0].message).toContain('input.idempotencyKey');

    expect(await count(`SELECT count(*) FROM gateway.outbox_event`)).toBe(outboxBefore);
    expect(await count(`SELECT count(*) FROM gateway.submission`)).toBe(submissionsBefore);
  });
});
