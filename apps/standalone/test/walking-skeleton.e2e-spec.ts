/**
 * The walking skeleton, distributed: the gateway, the survey service and the scoring service run as
 * three separate Node processes (their real `main.js`) on a real Kafka broker and a real PostgreSQL.
 * Surveys submitted through GraphQL travel gateway → Kafka → survey-service (stored) → Kafka →
 * scoring-service (scored) → Kafka → gateway (read model), and the scores read back through GraphQL.
 */
import { freePort } from '@leaderscope/database';
import { Topics } from '@leaderscope/events';
import { GATEWAY_ENTITIES, provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, kafkaBrokers, StopWaiting, TestDatabase, uniqueName } from '@leaderscope/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { answerSurvey, Api, instrument, LaunchedCycle, launchCycleForAda, PASSWORD, SUBJECT_REPORT } from './fixtures';
import { topicMessages } from './pipeline-counts';

const root = join(__dirname, '..', '..', '..');
// The notification service records each invitation (no SMTP_URL): the raters' links come from HR's mail outbox.
const apps = ['survey-service', 'scoring-service', 'notification-service', 'gateway'];

describe('walking skeleton: gateway → Kafka → survey-service → Kafka → scoring-service, as three processes', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let api: Api;
  let hr: string;
  let cycle: LaunchedCycle;
  const processes: { name: string; child: ChildProcess; output: string[] }[] = [];
  const topicPrefix = `${uniqueName('skeleton')}.`;

  async function count(sql: string): Promise<number> {
    return Number((await dataSource.query(sql))[0].count);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    api = new Api(`http://127.0.0.1:${port}`);
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_PARTITIONS: '3',
      LEADERSCOPE_SECRET: 'walking-skeleton-secret-0123456789',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: '',
    };
    for (const name of apps) {
      const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const output: string[] = [];
      child.stdout.on('data', (chunk) => output.push(String(chunk)));
      child.stderr.on('data', (chunk) => output.push(String(chunk)));
      processes.push({ name, child, output });
    }
    try {
      await eventually(
        'the gateway to be ready',
        async () => {
          for (const p of processes) if (p.child.exitCode !== null) throw new StopWaiting(`${p.name} exited with code ${p.child.exitCode}`);
          return (await fetch(`${api.url}/health`)).status === 200;
        },
        60000,
      );
    } catch (error) {
      throw new Error(`${String(error)}\n${processes.map((p) => `--- ${p.name}\n${p.output.join('')}`).join('\n')}`, { cause: error });
    }
    dataSource = await new DataSource({ type: 'postgres', url: db.url, schema: 'gateway', entities: GATEWAY_ENTITIES }).initialize();
    await provisionOrganisation(dataSource, { name: 'Skeleton Ltd', hrEmail: 'hr@skeleton.test', hrPassword: PASSWORD });
    hr = await api.login('hr@skeleton.test', PASSWORD);
    cycle = await launchCycleForAda(api, hr);
  }, 120000);

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
    await dataSource?.destroy();
    await db?.drop();
  }, 60000);

  // Levels per group: every rater's score on every dimension is exactly their level.
  const levels: Record<string, number[]> = { self: [5], manager: [3], peer: [3, 4, 5], direct_report: [2, 4], skip_level: [2, 2, 2] };

  it('scores submitted surveys and reads the scores back through GraphQL', async () => {
    const submitted: string[] = [];
    for (const [group, values] of Object.entries(levels)) {
      const invitations = cycle.invitations.filter((i) => i.group === group);
      expect(invitations.length).toBeGreaterThanOrEqual(values.length);
      for (const [i, level] of values.entries()) {
        const { input, result } = await answerSurvey(api, invitations[i].token, level);
        expect(result.errors).toBeUndefined();
        expect(result.data.submitSurvey.status).toBe('accepted');
        submitted.push(result.data.submitSurvey.submissionId);
        // The same idempotency key and body again: the same receipt, nothing new published.
        const replay = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId } }`, { input });
        expect(replay.data.submitSurvey.submissionId).toBe(result.data.submitSurvey.submissionId);
      }
    }

    const report = await eventually(
      'every response to be scored',
      async () => {
        const { subjectReport } = await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr);
        return subjectReport?.responseCount === submitted.length ? subjectReport : undefined;
      },
      30000,
    );

    expect(report.visibility).toBe('live');
    expect(report.dimensions).toHaveLength(instrument.dimensions.length);
    let peerDimensions = 0;
    let reportDimensions = 0;
    for (const dimension of report.dimensions) {
      const group = (name: string) => dimension.groups.find((g: { group: string }) => g.group === name);
      const observedBy = (name: string) =>
        instrument.items.some((i) => i.dimensionId === dimension.dimensionId && i.observers.includes(name as never));
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
      if (observedBy('skip_level')) expect(group('skip_level')).toMatchObject({ n: 3, suppressed: false, mean: 2 });
      if (observedBy('direct_report')) {
        reportDimensions++;
        // Two direct reports are below the anonymity threshold of three: never published.
        expect(group('direct_report')).toMatchObject({ n: 2, suppressed: true, mean: null });
      }
      if (!dimension.others.suppressed) {
        expect(dimension.others.includes).not.toContain('self');
        const counted = dimension.others.includes.reduce((sum: number, g: string) => sum + (group(g)?.n ?? 0), 0);
        expect(dimension.others.n).toBe(counted);
      }
      if (dimension.gap !== null) expect(dimension.gap).toBeCloseTo(5 - dimension.others.mean, 10);
      // Fit is others minus the role profile's target for this dimension.
      if (dimension.fit !== null) expect(dimension.fit).toBeCloseTo(dimension.others.mean - dimension.target, 10);
    }
    expect(peerDimensions).toBeGreaterThan(0);
    expect(reportDimensions).toBeGreaterThan(0);

    // Submitted = stored = scored, and the replays counted once.
    await eventually(
      'every receipt to be recorded',
      async () => (await count(`SELECT count(*) FROM gateway.submission WHERE status = 'recorded'`)) === submitted.length,
    );
    expect(await count(`SELECT count(*) FROM gateway.submission`)).toBe(submitted.length);
    expect(await count(`SELECT count(*) FROM survey.response`)).toBe(submitted.length);
    expect(await count(`SELECT count(*) FROM scoring.rater_response`)).toBe(submitted.length);
  }, 90000);

  it('refuses a malformed submission with an error naming the field, and publishes nothing', async () => {
    // survey.submitted events: published to Kafka (the relay deletes what it publishes) or waiting in
    // the gateway's outbox; the earlier submissions' are all published by now (their receipts are recorded)
    const submittedEvents = async () =>
      (await topicMessages(kafkaBrokers(), `${topicPrefix}${Topics.SurveySubmissions}`)) +
      (await count(`SELECT count(*) FROM gateway.outbox_event WHERE "type" = 'survey.submitted'`));
    const eventsBefore = await submittedEvents();
    const submissionsBefore = await count(`SELECT count(*) FROM gateway.submission`);
    const unanswered = cycle.invitations.filter((i) => i.group === 'direct_report')[2];

    const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { dimensions { items { id } } } }`, {
      t: unanswered.token,
    });
    const itemIds = raterSurvey.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((i) => i.id));
    const answers = itemIds.map((itemId: string) => ({ itemId, value: 3 }));
    answers[0].value = 9;
    answers[1].itemId = 'no-such-item';
    const input = { token: unanswered.token, idempotencyKey: '0b7e8f0e-8a4c-4b8e-9d55-6a2f0f6c1d11', answers };
    const result = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, { input });

    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.stacktrace).toBeUndefined();
    const fields = (error.extensions?.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.answers[0].value', 'input.answers[1].itemId']));
    expect(error.message).toContain('input.answers[0].value');

    const badKey = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
      input: { ...input, idempotencyKey: 'not-a-uuid', answers: answers.slice(2) },
    });
    expect(badKey.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badKey.errors![0].message).toContain('input.idempotencyKey');

    expect(await submittedEvents()).toBe(eventsBefore);
    expect(await count(`SELECT count(*) FROM gateway.submission`)).toBe(submissionsBefore);
    const { raterSurvey: after } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { status } }`, { t: unanswered.token });
    expect(after.status).toBe('invited');
  });
});
