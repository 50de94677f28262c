/**
 * `kill -9` of the one-machine default loses nothing. The real `npm start` process
 * (`apps/standalone/dist/main.js`: embedded PostgreSQL with its durable settings, the in-process
 * transport whose log is PostgreSQL) runs on a temporary data directory; raters submit surveys
 * through GraphQL; the platform and its PostgreSQL are SIGKILLed (both process groups, as a power
 * cut would) at three points — while submissions are in flight, while responses are being
 * recorded, while they are being scored — and started again on the same data directory. After
 * each restart: every accepted submission is recorded once and scored once, and the reports count
 * each once.
 */
import { provisionOrganisation, GATEWAY_ENTITIES } from '@leaderscope/gateway';
import { eventually, StopWaiting } from '@leaderscope/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { freePort } from '@leaderscope/database';
import { answerSurvey, Api, PASSWORD, surveyLinks } from './fixtures';
import { pipelineCounts, PipelineCounts } from './pipeline-counts';

const root = join(__dirname, '..', '..', '..');
const SECRET = 'crash-test-secret-0123456789abcdef';

/** CEO → 4 VPs (the subjects: leaders of leaders) → 3 leads each → 2 reports each. */
function organisationCsv(): string {
  const rows = ['employee_id,name,email,manager_id,title,department'];
  const add = (id: string, name: string, manager: string) => rows.push(`${id},${name},${id.toLowerCase()}@crash.test,${manager},,Ops`);
  add('E1', 'Chief Person', '');
  for (let v = 1; v <= 4; v++) {
    add(`V${v}`, `Vice Person ${v}`, 'E1');
    for (let l = 1; l <= 3; l++) {
      add(`L${v}${l}`, `Lead Person ${v}${l}`, `V${v}`);
      for (let r = 1; r <= 2; r++) add(`R${v}${l}${r}`, `Report Person ${v}${l}${r}`, `L${v}${l}`);
    }
  }
  return rows.join('\n') + '\n';
}

describe('kill -9 of the one-process platform loses nothing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'leaderscope-crash-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its directory
  let child: ChildProcess | null = null;
  let output: string[] = [];
  let api: Api;
  let db: Client | null = null;
  let hr: string;
  let invitations: { token: string; group: string }[] = [];
  const clientAccepted = new Set<string>();

  async function start(): Promise<void> {
    const port = await freePort();
    output = [];
    child = spawn(process.execPath, [join(root, 'apps', 'standalone', 'dist', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        KAFKA_BROKERS: '',
        LEADERSCOPE_DATA_DIR: dataDir,
        PORT: String(port),
        LEADERSCOPE_DEMO: 'false',
        LEADERSCOPE_SECRET: SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as a terminal would start it
    });
    child.stdout!.on('data', (c) => output.push(String(c)));
    child.stderr!.on('data', (c) => output.push(String(c)));
    api = new Api(`http://127.0.0.1:${port}`);
    const me = child;
    try {
      await eventually(
        'the platform to be ready',
        async () => {
          if (me.exitCode !== null) throw new StopWaiting(`exited with code ${me.exitCode}`);
          return (await fetch(`${api.url}/health`)).status === 200;
        },
        90000,
      );
    } catch (error) {
      throw new Error(`${String(error)}\n${output.join('')}`, { cause: error });
    }
    const pgPort = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
    db = new Client({ connectionString: `postgres://postgres:leaderscope@127.0.0.1:${pgPort}/leaderscope` });
    db.on('error', () => {}); // PostgreSQL is about to be killed under it
    await db.connect();
  }

  /** SIGKILL the platform's process group and PostgreSQL's (postmaster and every backend). */
  async function killEverything(): Promise<void> {
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const exited = new Promise((r) => child!.once('exit', r));
    process.kill(-child!.pid!, 'SIGKILL');
    process.kill(-postmaster, 'SIGKILL');
    await exited;
    child = null;
    await db?.end().catch(() => {});
    db = null;
  }

  const counts = (): Promise<PipelineCounts> => pipelineCounts(db!);

  /** After a restart: everything accepted is recorded once and scored once, nothing counted twice. */
  async function expectNothingLost(label: string): Promise<void> {
    const settled = await eventually(
      `${label}: everything accepted recorded and scored`,
      async () => {
        const c = await counts();
        return c.recorded === c.accepted &&
          c.scored === c.accepted &&
          c.gatewayRecorded === c.accepted &&
          c.gatewayCounted === c.accepted &&
          c.inReports === c.accepted &&
          c.inGatewayReports === c.disclosed &&
          c.disclosed > 0
          ? c
          : null;
      },
      30000,
    ).catch(async (error) => {
      throw new Error(`${String(error)}; counts ${JSON.stringify(await counts())}\n${output.join('')}`);
    });
    console.log(`${label}: after restart ${JSON.stringify(settled)} (receipts seen by raters: ${clientAccepted.size})`);
    // Every receipt a rater received is a stored submission, recorded and scored exactly once.
    const ids = [...clientAccepted];
    const once = async (sql: string) => (await db!.query(sql, [ids])).rows as { id: string; n: string }[];
    const recorded = await once(
      `SELECT submission_id::text AS id, count(*) AS n FROM survey.response WHERE submission_id = ANY($1::uuid[]) GROUP BY 1`,
    );
    expect(recorded).toHaveLength(ids.length);
    expect(recorded.every((r) => Number(r.n) === 1)).toBe(true);
    const scored = await db!.query(
      `SELECT count(*)::int AS n, count(DISTINCT s.response_id)::int AS d FROM scoring.rater_response s JOIN survey.response r ON r.id = s.response_id`,
    );
    expect(scored.rows[0]).toEqual({ n: settled.accepted, d: settled.accepted });
    // No double counting: one report version per response handled, one response per rater.
    const reports = await db!.query(`SELECT report_version, response_count FROM scoring.subject_report WHERE result_set = 'live'`);
    for (const r of reports.rows) expect(r.report_version).toBe(r.response_count);
    const dead = await db!.query(`SELECT count(*)::int AS n FROM event_log.dead_letter`);
    expect(dead.rows[0].n).toBe(0);
  }

  /** Submits the next `n` surveys, `concurrency` at a time; resolves when all answered or failed. */
  function submit(n: number, concurrency = 6): { done: Promise<void>; accepted: () => number } {
    const batch = invitations.splice(0, n);
    let accepted = 0;
    const worker = async () => {
      for (let inv = batch.shift(); inv; inv = batch.shift()) {
        try {
          const { result } = await answerSurvey(api, inv.token, 2 + (accepted % 3));
          if (result.data?.submitSurvey?.status === 'accepted') {
            clientAccepted.add(result.data.submitSurvey.submissionId);
            accepted++;
          }
        } catch {
          // the platform was killed under this request: no receipt
        }
      }
    };
    return { done: Promise.all(Array.from({ length: concurrency }, worker)).then(() => {}), accepted: () => accepted };
  }

  beforeAll(async () => {
    await start();
    const dataSource = await new DataSource({
      type: 'postgres',
      url: `postgres://postgres:leaderscope@127.0.0.1:${db!.port}/leaderscope`,
      schema: 'gateway',
      entities: GATEWAY_ENTITIES,
    }).initialize();
    await provisionOrganisation(dataSource, { name: 'Crash Ltd', hrEmail: 'hr@crash.test', hrPassword: PASSWORD });
    await dataSource.destroy();
    hr = await api.login('hr@crash.test', PASSWORD);
    await api.ok(`mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`, { csv: organisationCsv() }, hr);
    const { people } = await api.ok(`{ people(leadersOfLeadersOnly: true) { id employeeId } }`, {}, hr);
    const vps = people.filter((p: { employeeId: string }) => p.employeeId.startsWith('V'));
    const now = Date.now();
    const { createCycle } = await api.ok(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
      {
        input: {
          name: 'Crash 360',
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
    invitations = await surveyLinks(api, hr, c); // from the invitations in the mail outbox (no mail server)
    expect(invitations.length).toBeGreaterThanOrEqual(48);
  }, 120000);

  afterAll(async () => {
    if (child) await killEverything().catch(() => {});
    else {
      try {
        const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(-pid, 'SIGKILL');
      } catch {
        // not running
      }
    }
    await db?.end().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.log`, { force: true });
  });

  it('during submit: killed with requests in flight', async () => {
    const run = submit(16);
    await eventually('some receipts', async () => run.accepted() >= 6, 30000);
    const at = await counts();
    await killEverything();
    await run.done;
    console.log(`during submit: killed at ${JSON.stringify(at)}`);
    await start();
    await expectNothingLost('during submit');
  }, 120000);

  it('during recording: killed right after a burst was accepted', async () => {
    const run = submit(16, 8);
    await run.done;
    const at = await counts();
    await killEverything();
    console.log(`during recording: killed at ${JSON.stringify(at)}`);
    expect(run.accepted()).toBe(16);
    await start();
    await expectNothingLost('during recording');
  }, 120000);

  it('during scoring: killed once responses are recorded and not all scored', async () => {
    const run = submit(16, 8);
    await run.done;
    let at = await counts();
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && !(at.recorded > at.scored || (at.recorded === at.accepted && at.gatewayRecorded < at.accepted))) {
      at = await counts();
    }
    await killEverything();
    console.log(`during scoring: killed at ${JSON.stringify(at)}`);
    await start();
    await expectNothingLost('during scoring');
  }, 120000);
});
