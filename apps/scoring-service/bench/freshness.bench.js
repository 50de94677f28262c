#!/usr/bin/env node
/**
 * Freshness benchmark (not a test): offers RATE submissions per second for SECONDS seconds to the
 * survey and scoring services, each running as its own process (dist/main.js) on a real Kafka broker
 * and PostgreSQL, and measures, per submission, the time from "accepted" (the moment the submission
 * is handed to the producer, as the gateway does after accepting it) to the moment its
 * `report.updated` arrives at a consumer. Submissions are published as `survey.submitted` through a
 * KafkaTransport (the gateway is not part of this benchmark).
 *
 *   npm run build && npm run bench -w @leaderscope/scoring-service
 *   env: KAFKA_BROKERS (default 127.0.0.1:19092; start one with infra/kafka/start.sh),
 *        DATABASE_URL (default: an embedded PostgreSQL in a temporary directory),
 *        RATE (200), SECONDS (20), SUBJECTS (500), PARTITIONS (6)
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { catalogue, createEnvelope, KafkaTransport, reportUpdatedV1, surveySubmittedV1 } = require('@leaderscope/events');
const { startEmbeddedPostgres, withDatabase, ensureDatabase } = require('@leaderscope/database');
const { getInstrument } = require('@leaderscope/framework');

const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 20);
const SUBJECTS = Number(process.env.SUBJECTS ?? 500);
const PARTITIONS = Number(process.env.PARTITIONS ?? 6);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const root = join(__dirname, '..', '..', '..');
const GROUPS = ['self', 'manager', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report', 'skip_level', 'other'];
const instrument = getInstrument('leader-of-leaders', 1);

function submission(i) {
  const subject = i % SUBJECTS;
  const rater = Math.floor(i / SUBJECTS);
  const group = GROUPS[rater % GROUPS.length];
  const answers = {};
  for (const item of instrument.items) if (item.observers.includes(group)) answers[item.id] = 1 + ((i * 7 + item.id.length) % 5);
  return {
    submissionId: randomUUID(),
    cycleId: 'bench-cycle',
    subjectId: `subject-${subject}`,
    raterId: `subject-${subject}-rater-${rater}`,
    raterGroup: group,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
    comments: {},
    policy: { minGroupSize: 3, roleProfileId: null },
    submittedAt: new Date().toISOString(),
  };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  let pg;
  let pgDir;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    pgDir = mkdtempSync(join(tmpdir(), 'leaderscope-bench-pg-'));
    pg = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false, durable: false });
    databaseUrl = withDatabase(pg.url, `bench_${Date.now()}`);
  } else {
    databaseUrl = withDatabase(databaseUrl, `bench_${Date.now()}`);
  }
  await ensureDatabase(databaseUrl);
  const namespace = `bench-${randomUUID().slice(0, 8)}.`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: namespace,
    KAFKA_PARTITIONS: String(PARTITIONS),
  };
  const transport = new KafkaTransport({ brokers, clientId: 'bench', registry: catalogue, partitions: PARTITIONS, namespace });
  await transport.start();

  const children = ['survey-service', 'scoring-service'].map((name) => {
    const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    return { name, child, ready: new Promise((resolve) => child.stdout.on('data', (c) => String(c).includes('consuming') && resolve())) };
  });
  await Promise.all(children.map((c) => c.ready));

  const acceptedAt = new Map();
  const latencies = [];
  let lastArrival = 0;
  await transport.subscribe({
    groupId: 'bench-reader',
    contracts: [reportUpdatedV1],
    handler: async (event) => {
      const t0 = acceptedAt.get(event.correlationId);
      if (t0 === undefined) return;
      acceptedAt.delete(event.correlationId);
      lastArrival = performance.now();
      latencies.push(lastArrival - t0);
    },
  });
  // Let both services join their consumer groups before the clock starts.
  await new Promise((r) => setTimeout(r, 5000));

  const total = RATE * SECONDS;
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((RATE * tickMs) / 1000));
  console.log(`offering ${RATE} submissions/s for ${SECONDS} s (${total} submissions, ${SUBJECTS} subjects, ${PARTITIONS} partitions)`);
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE) + perTick);
    const batch = [];
    for (; sent < due; sent++) {
      const s = submission(sent);
      batch.push(createEnvelope(surveySubmittedV1, s, { organisationId: 'bench-org', correlationId: s.submissionId }));
    }
    const now = performance.now();
    for (const e of batch) acceptedAt.set(e.correlationId, now);
    await transport.publish(batch);
    await new Promise((r) => setTimeout(r, tickMs));
  }
  const offeredFor = (performance.now() - started) / 1000;
  const deadline = Date.now() + 120000;
  while (latencies.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const drainedFor = (lastArrival - started) / 1000;

  const sorted = [...latencies].sort((a, b) => a - b);
  const result = {
    offered: total,
    offeredPerSecond: +(total / offeredFor).toFixed(1),
    reportsUpdated: latencies.length,
    throughputPerSecond: +(latencies.length / drainedFor).toFixed(1),
    p50Ms: Math.round(pct(sorted, 50)),
    p90Ms: Math.round(pct(sorted, 90)),
    p99Ms: Math.round(pct(sorted, 99)),
    maxMs: Math.round(sorted[sorted.length - 1]),
  };
  console.log('accepted → report.updated');
  console.table(result);
  console.log(JSON.stringify(result));

  await transport.close();
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          c.child.once('exit', resolve);
          c.child.kill('SIGTERM');
        }),
    ),
  );
  if (pg) {
    await pg.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
  process.exit(latencies.length === total ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
