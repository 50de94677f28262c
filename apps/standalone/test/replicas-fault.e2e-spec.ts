/**
 * Replicas on Kafka, with faults: two gateways, two survey services and two scoring services, each
 * its real process (`dist/main.js`), on one PostgreSQL database and a PRIVATE Kafka broker that this
 * test starts, restarts and stops itself (its own port and run directory; the shared broker on 19092
 * is never touched). Topics have 4 partitions, so both replicas of each consumer group get work; the
 * test waits until every group of the three apps has its two members before it streams.
 *
 * Raters submit surveys over HTTP to both gateways. Mid-stream, one gateway, one survey service and
 * one scoring service are SIGKILLed at the same instant (no graceful stop, no offset commit); then the
 * broker is stopped and started again (its data kept); then the three killed processes are started
 * again. A rater whose request died with its gateway retries the same submission (same idempotency
 * key) on the other gateway, as a browser behind a load balancer would. At the end: every submission
 * accepted by the gateways (the receipts raters hold, and the rows in `gateway.submission`) is
 * recorded once by the survey service (`survey.response`), stored once by the scoring service
 * (`scoring.rater_response`), counted once in the live reports, and marked recorded on the
 * gateway; no message was dead-lettered; every outbox is published.
 */
import { freePort } from '@leaderscope/database';
import { silenceKafkajsNegativeTimeoutWarning } from '@leaderscope/events';
import { GATEWAY_ENTITIES, provisionOrganisation, TokenCipher } from '@leaderscope/gateway';
import { createTestDatabase, eventually, StopWaiting, TestDatabase, uniqueName } from '@leaderscope/testing';
import { Kafka, logLevel } from 'kafkajs';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { answersAt, Api, PASSWORD } from './fixtures';
import { pipelineCounts } from './pipeline-counts';

const root = join(__dirname, '..', '..', '..');
const kafkaDir = join(root, 'infra', 'kafka');
/** The private broker's port (its controller listens on the next one). Never the shared 19092. */
const KAFKA_PORT = Number(process.env.LEADERSCOPE_REPLICAS_TEST_KAFKA_PORT ?? 19392);
const SECRET = 'replicas-fault-secret-0123456789abcdef';
/** Submissions in the stream. */
const STREAM = 240;
const CONCURRENCY = 8;
const PARTITIONS = 4;

type AppName = 'gateway' | 'survey-service' | 'scoring-service';
interface Running {
  app: AppName;
  replica: number;
  child: ChildProcess;
  output: string[];
  port?: number;
  /** times started */
  starts: number;
}

const runFile = promisify(execFile);

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** CEO → 20 VPs (the subjects: leaders of leaders) → 3 leads each → 2 reports each. */
function organisationCsv(): string {
  const rows = ['employee_id,name,email,manager_id,title,department'];
  const add = (id: string, name: string, manager: string) => rows.push(`${id},${name},${id.toLowerCase()}@replicas.test,${manager},,Ops`);
  add('E1', 'Chief Person', '');
  for (let v = 1; v <= 20; v++) {
    add(`V${v}`, `Vice Person ${v}`, 'E1');
    for (let l = 1; l <= 3; l++) {
      add(`L${v}x${l}`, `Lead Person ${v} ${l}`, `V${v}`);
      for (let r = 1; r <= 2; r++) add(`R${v}x${l}x${r}`, `Report Person ${v} ${l} ${r}`, `L${v}x${l}`);
    }
  }
  return rows.join('\n') + '\n';
}

describe('two replicas of every app on Kafka: SIGKILL one of each mid-stream and restart the broker', () => {
  const runDir = mkdtempSync(join(tmpdir(), 'leaderscope-replicas-kafka-'));
  const brokerEnv = {
    ...process.env,
    KAFKA_PORT: String(KAFKA_PORT),
    KAFKA_CONTROLLER_PORT: String(KAFKA_PORT + 1),
    KAFKA_RUN_DIR: runDir,
    KAFKA_HEAP: '512m',
  };
  const prefix = `${uniqueName('replicas')}.`;
  let db: TestDatabase;
  let admin: Client;
  let env: NodeJS.ProcessEnv;
  const running: Running[] = [];
  let brokerStarted = false;

  async function broker(action: 'start' | 'stop', keepData: boolean): Promise<void> {
    await runFile('bash', [join(kafkaDir, `${action}.sh`)], {
      env: { ...brokerEnv, KAFKA_KEEP_DATA: keepData ? '1' : '' },
      timeout: 150000,
    });
  }

  function start(entry: Running): void {
    const child = spawn(process.execPath, [join(root, 'apps', entry.app, 'dist', 'main.js')], {
      env: { ...env, ...(entry.port ? { PORT: String(entry.port) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    entry.starts++;
    entry.output.push(`=== start ${entry.starts}\n`);
    child.stdout.on('data', (c) => entry.output.push(String(c)));
    child.stderr.on('data', (c) => entry.output.push(String(c)));
  }

  async function launch(app: AppName, replica: number): Promise<Running> {
    const entry: Running = { app, replica, child: null as never, output: [], starts: 0 };
    if (app === 'gateway') entry.port = await freePort();
    start(entry);
    running.push(entry);
    return entry;
  }

  function alive(entry: Running): boolean {
    return entry.child.exitCode === null && entry.child.signalCode === null;
  }

  function sigkill(entry: Running): Promise<void> {
    return new Promise((resolve) => {
      if (!alive(entry)) return resolve();
      entry.child.once('exit', () => resolve());
      entry.child.kill('SIGKILL');
    });
  }

  function outputs(): string {
    return running.map((r) => `--- ${r.app} #${r.replica}\n${r.output.join('').slice(-4000)}`).join('\n');
  }

  /** Each started process has said it is ready (a gateway: its /health answers 200). */
  async function ready(entries: Running[], label: string): Promise<void> {
    await eventually(
      label,
      async () => {
        for (const r of entries) {
          if (!alive(r)) throw new StopWaiting(`${r.app} #${r.replica} exited (${r.child.exitCode ?? r.child.signalCode})`);
          if (r.app === 'gateway') {
            const ok = await fetch(`http://127.0.0.1:${r.port}/health`)
              .then((res) => res.status === 200)
              .catch(() => false);
            if (!ok) return false;
          } else {
            // runService logs "<app>: <what it does>" once started; look only since the last start.
            const text = r.output.join('');
            if (!text.slice(text.lastIndexOf('=== start ')).includes(`"${r.app}: `)) return false;
          }
        }
        return true;
      },
      90000,
    ).catch((error) => {
      throw new Error(`${String(error)}\n${outputs()}`, { cause: error });
    });
  }

  /** Every consumer group of the three apps has `members` members (both replicas joined). */
  async function groupsJoined(members: number, label: string): Promise<string> {
    const kafka = new Kafka({ brokers: [`127.0.0.1:${KAFKA_PORT}`], clientId: 'replicas-test', logLevel: logLevel.NOTHING });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      return await eventually(
        label,
        async () => {
          const ids = (await kafkaAdmin.listGroups()).groups
            .map((g) => g.groupId)
            .filter((g) => ['gateway.', 'survey-service.', 'scoring-service.'].some((app) => g.startsWith(`${prefix}${app}`)));
          if (ids.length < 3) return null;
          const { groups } = await kafkaAdmin.describeGroups(ids);
          const joined = groups.every((g) => g.state === 'Stable' && g.members.length === members);
          return joined ? groups.map((g) => `${g.groupId.slice(prefix.length)}×${g.members.length}`).join(', ') : null;
        },
        90000,
      );
    } finally {
      await kafkaAdmin.disconnect();
    }
  }

  async function deadLetters(): Promise<number> {
    const kafka = new Kafka({ brokers: [`127.0.0.1:${KAFKA_PORT}`], clientId: 'replicas-test', logLevel: logLevel.NOTHING });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      const topics = (await kafkaAdmin.listTopics()).filter((t) => t.startsWith(prefix) && t.endsWith('.dlq'));
      let n = 0;
      for (const topic of topics) for (const p of await kafkaAdmin.fetchTopicOffsets(topic)) n += Number(p.high) - Number(p.low);
      return n;
    } finally {
      await kafkaAdmin.disconnect();
    }
  }

  async function n(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await admin.query(sql, params)).rows[0].n);
  }

  const counts = () => pipelineCounts(admin);

  beforeAll(async () => {
    silenceKafkajsNegativeTimeoutWarning(); // kafkajs on Node 24, for this test's admin client
    if ((await listening(KAFKA_PORT)) || (await listening(KAFKA_PORT + 1))) {
      throw new Error(
        `port ${KAFKA_PORT} or ${KAFKA_PORT + 1} is taken: this test starts and restarts its own broker there ` +
          `(set LEADERSCOPE_REPLICAS_TEST_KAFKA_PORT to another port)`,
      );
    }
    await broker('start', false);
    brokerStarted = true;
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    env = {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: `127.0.0.1:${KAFKA_PORT}`,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: String(PARTITIONS),
      // Offsets committed every 2 s: a SIGKILL always lands after effects whose offsets were not
      // committed, so the survivors (or the restarted replica) get redeliveries the inbox must skip.
      KAFKA_COMMIT_INTERVAL_MS: '2000',
      KAFKA_CONSUMER_BATCH_SIZE: '10',
      LEADERSCOPE_SECRET: SECRET,
      LOG_LEVEL: 'info',
    };
    // The first gateway creates the topics; then the five others start at once (migrations under an advisory lock).
    const first = await launch('gateway', 1);
    await ready([first], 'the first gateway to be ready');
    const others = await Promise.all([
      launch('gateway', 2),
      launch('survey-service', 1),
      launch('survey-service', 2),
      launch('scoring-service', 1),
      launch('scoring-service', 2),
    ]);
    await ready(others, 'every replica to be ready');
    const dataSource = await new DataSource({ type: 'postgres', url: db.url, schema: 'gateway', entities: GATEWAY_ENTITIES }).initialize();
    await provisionOrganisation(dataSource, { name: 'Replicas Ltd', hrEmail: 'hr@replicas.test', hrPassword: PASSWORD });
    await dataSource.destroy();
  }, 200000);

  afterAll(async () => {
    await Promise.all(
      running.map(
        (r) =>
          new Promise<void>((resolve) => {
            if (!alive(r)) return resolve();
            const timer = setTimeout(() => r.child.kill('SIGKILL'), 20000);
            r.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            r.child.kill('SIGTERM');
          }),
      ),
    );
    await admin?.end().catch(() => {});
    await db?.drop().catch(() => {});
    if (brokerStarted) await broker('stop', false).catch(() => {});
    rmSync(runDir, { recursive: true, force: true });
  }, 120000);

  it(`streams ${STREAM} submissions to both gateways; nothing lost, nothing counted twice`, async () => {
    const gateways = running.filter((r) => r.app === 'gateway');
    const api = new Api(`http://127.0.0.1:${gateways[0].port}`);
    const hr = await api.login('hr@replicas.test', PASSWORD);
    await api.ok(`mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`, { csv: organisationCsv() }, hr);
    const { people } = await api.ok(`{ people(leadersOfLeadersOnly: true) { id employeeId } }`, {}, hr);
    const vps = people.filter((p: { employeeId: string }) => p.employeeId.startsWith('V'));
    expect(vps).toHaveLength(20);
    const now = Date.now();
    const { createCycle } = await api.ok(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
      {
        input: {
          name: 'Replicas 360',
          anonymityThreshold: 3,
          minRaters: [{ group: 'direct_report', count: 2 }],
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 7 * 86400_000).toISOString(),
        },
      },
      hr,
    );
    const c = createCycle.id;
    await api.ok(
      `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`,
      { c, p: vps.map((v: { id: string }) => v.id) },
      hr,
    );
    await api.ok(`mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c }, hr);
    for (const v of vps)
      await api.ok(`mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, { c, s: v.id }, hr);
    await api.ok(`mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c }, hr);
    // Every rater has an e-mail address, so the links go out by mail (no notification service runs
    // here): the tokens are opened with the platform's cipher, as the notifier does.
    const cipher = new TokenCipher(SECRET);
    const all: { token: string; group: string }[] = (
      await admin.query<{ token_cipher: string; rater_group: string }>(
        `SELECT "token_cipher", "rater_group" FROM "gateway"."assignment" WHERE "cycle_id" = $1 ORDER BY "id"`,
        [c],
      )
    ).rows.map((r) => ({ token: cipher.decrypt(r.token_cipher), group: r.rater_group }));
    expect(all.length).toBeGreaterThanOrEqual(STREAM);
    // The items each group answers (one survey opened per group).
    const itemsOf = new Map<string, string[]>();
    for (const inv of all) {
      if (itemsOf.has(inv.group)) continue;
      const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { dimensions { items { id } } } }`, {
        t: inv.token,
      });
      itemsOf.set(
        inv.group,
        raterSurvey.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((i) => i.id)),
      );
    }

    const groups = await groupsJoined(2, 'both replicas of every consumer group to have joined');
    console.log(`replicas-fault: consumer groups ${groups}; ${PARTITIONS} partitions a topic`);

    // The stream: CONCURRENCY raters at a time, spread over both gateways. A request that dies with
    // its gateway is sent again, same idempotency key and body, to a gateway that is up.
    const queue = all.slice(0, STREAM).map((inv, i) => ({ inv, i }));
    const receipts = new Map<string, string>(); // token → submissionId
    const failures: string[] = [];
    let retried = 0;
    let replayedSameReceipt = 0;
    const submitOne = async ({ inv, i }: { inv: { token: string; group: string }; i: number }) => {
      const input = {
        token: inv.token,
        idempotencyKey: randomUUID(),
        answers: answersAt(2 + (i % 4), itemsOf.get(inv.group)!),
        comments: [],
      };
      let failedBefore = false;
      for (let attempt = 0; attempt < 40; attempt++) {
        const up = gateways.filter(alive);
        const gateway = up[(i + attempt) % Math.max(1, up.length)];
        try {
          const response = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status } }`,
              variables: { input },
            }),
            signal: AbortSignal.timeout(30000),
          });
          const body = (await response.json()) as {
            data?: { submitSurvey?: { submissionId: string; status: string } };
            errors?: unknown[];
          };
          if (body.data?.submitSurvey?.status === 'accepted') {
            if (failedBefore) replayedSameReceipt++;
            receipts.set(inv.token, body.data.submitSurvey.submissionId);
            return;
          }
          failures.push(`${inv.group} #${i}: ${JSON.stringify(body.errors ?? body.data)}`);
          return;
        } catch {
          // The gateway died under this request (or is restarting): try again elsewhere.
          failedBefore = true;
          retried++;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      failures.push(`${inv.group} #${i}: no gateway answered`);
    };
    // Paced: a short pause between a rater's submissions, so the stream lasts through the faults.
    const stream = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await submitOne(next);
          await new Promise((r) => setTimeout(r, 60));
        }
      }),
    );

    const victims = [
      gateways[1],
      running.find((r) => r.app === 'survey-service' && r.replica === 2)!,
      running.find((r) => r.app === 'scoring-service' && r.replica === 2)!,
    ];
    // Fault 1: SIGKILL one of each kind at once, once a third of the stream is accepted and the
    // services have recorded and scored some (so each victim was working).
    await eventually(
      'a third of the stream accepted, some recorded and scored',
      async () => receipts.size >= STREAM / 3 && (await n(`SELECT count(*) AS n FROM scoring.rater_response`)) > 0,
      90000,
    );
    const atKill = await counts();
    await Promise.all(victims.map(sigkill));
    console.log(`replicas-fault: SIGKILLed gateway #2, survey-service #2, scoring-service #2 at ${JSON.stringify(atKill)}`);

    // Fault 2: the broker stops (gracefully, data kept) and starts again, while the stream goes on.
    await eventually('more submissions after the kill', async () => receipts.size >= atKill.accepted + 30 || queue.length === 0, 60000);
    const atBrokerStop = await counts();
    await broker('stop', true);
    await new Promise((r) => setTimeout(r, 2000));
    await broker('start', true);
    console.log(`replicas-fault: broker restarted; stopped at ${JSON.stringify(atBrokerStop)}`);

    // The killed processes come back (same apps, same groups).
    for (const v of victims) start(v);
    await ready(victims, 'the killed replicas to be ready again');

    await stream;
    expect(failures).toEqual([]);
    expect(receipts.size).toBe(STREAM);

    // Everything settles: accepted = recorded = scored = counted, all recorded on the gateway, outboxes empty.
    const settled = await eventually(
      'everything accepted to be recorded, scored and counted',
      async () => {
        const now = await counts();
        return now.recorded === now.accepted &&
          now.scored === now.accepted &&
          now.inReports === now.accepted &&
          now.gatewayRecorded === now.accepted &&
          now.unpublished === 0
          ? now
          : null;
      },
      150000,
    ).catch(async (error) => {
      throw new Error(`${String(error)}; counts ${JSON.stringify(await counts())}\n${outputs()}`);
    });
    const dead = await deadLetters();
    console.log(
      `replicas-fault: ${STREAM} submitted over 2 gateways; ${retried} requests died with their gateway and were sent again ` +
        `(${replayedSameReceipt} answered on the other gateway after a failure); after settling ${JSON.stringify(settled)}; ` +
        `dead letters ${dead}; killed replicas restarted: ${victims.map((v) => `${v.app} ×${v.starts}`).join(', ')}`,
    );

    // Nothing lost: every receipt a rater holds is a stored submission, recorded and scored.
    const ids = [...receipts.values()];
    expect(new Set(ids).size).toBe(STREAM);
    expect(settled.accepted).toBe(STREAM);
    expect(await n(`SELECT count(*) AS n FROM gateway.submission WHERE id = ANY($1::uuid[])`, [ids])).toBe(STREAM);
    // Nothing counted twice: one submission per assignment, one response per submission, one stored
    // response per recorded response, one report version per response counted.
    expect(await n(`SELECT count(DISTINCT assignment_id) AS n FROM gateway.submission`)).toBe(STREAM);
    expect(await n(`SELECT count(DISTINCT submission_id) AS n FROM survey.response WHERE submission_id = ANY($1::uuid[])`, [ids])).toBe(
      STREAM,
    );
    expect(
      await n(`SELECT count(DISTINCT s.response_id) AS n FROM scoring.rater_response s JOIN survey.response r ON r.id = s.response_id`),
    ).toBe(STREAM);
    expect(await n(`SELECT count(*) AS n FROM scoring.subject_report WHERE result_set = 'live' AND report_version <> response_count`)).toBe(
      0,
    );
    // One live report per subject that received submissions.
    const subjects = await n(
      `SELECT count(DISTINCT a.subject_id) AS n FROM gateway.submission s JOIN gateway.assignment a ON a.id = s.assignment_id`,
    );
    expect(await n(`SELECT count(*) AS n FROM scoring.subject_report WHERE result_set = 'live'`)).toBe(subjects);
    expect(dead).toBe(0);
  }, 420000);
});
