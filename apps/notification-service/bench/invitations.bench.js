#!/usr/bin/env node
/**
 * Invitation delivery benchmark (not a test): RATERS invitations (default 15,000, an M-size cycle)
 * published as `invitation.issued` v2 on a real Kafka broker, consumed by the notification service
 * (in this process, on a real PostgreSQL), rendered and sent over SMTP to a local SMTP sink
 * (smtp-server); time until the sink has every mail and the service has marked every one sent.
 * Beside it: raw nodemailer sending the same rendered mails to the same sink over the same number
 * of pooled connections (the floor: SMTP and the sink alone).
 *
 *   npm run build && npm run bench -w @leaderscope/notification-service
 *   env: KAFKA_BROKERS (default 127.0.0.1:19092), DATABASE_URL (default: an embedded PostgreSQL in a
 *        temporary directory), RATERS (15000), CONNECTIONS (5), PARTITIONS (6)
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes, randomUUID } = require('node:crypto');
const nodemailer = require('nodemailer');
const { Client } = require('pg');
const { catalogue, createEnvelope, invitationIssuedV2, KafkaTransport, SurveyTokenSeal } = require('@leaderscope/events');
const { startEmbeddedPostgres, withDatabase, ensureDatabase, dropDatabase } = require('@leaderscope/database');
const { renderMail } = require('@leaderscope/messages');
const { startSmtpSink } = require('@leaderscope/testing');
const { startNotificationService } = require('../dist');

const RATERS = Number(process.env.RATERS ?? 15000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 5);
const PARTITIONS = Number(process.env.PARTITIONS ?? 6);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const SECRET = randomBytes(24).toString('base64url');
const PUBLIC_URL = 'https://feedback.example.com';
const GROUPS = ['self', 'manager', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report', 'skip_level', 'other'];

function invitations(seal) {
  const closesAt = new Date(Date.now() + 21 * 86400_000).toISOString();
  return Array.from({ length: RATERS }, (_, i) => {
    const subject = Math.floor(i / 10);
    const assignmentId = randomUUID();
    const token = randomBytes(32).toString('base64url');
    const payload = {
      cycleId: 'bench-cycle',
      cycleName: 'Leadership 360 (benchmark)',
      organisationName: 'Northwind',
      requestedBy: 'People team',
      subjectId: `subject-${subject}`,
      subjectName: `Leader ${subject}`,
      assignmentId,
      raterPersonId: `person-${i}`,
      raterName: `Rater ${i}`,
      raterGroup: GROUPS[i % GROUPS.length],
      email: `rater${i}@bench.example`,
      anonymityThreshold: 3,
      closesAt,
      reminderDaysBeforeClose: [3],
      sealedToken: seal.seal(token, assignmentId),
      resend: false,
      issuedAt: new Date().toISOString(),
    };
    return { token, payload };
  });
}

async function waitFor(check, what, timeoutMs = 30 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  let pg;
  let pgDir;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    pgDir = mkdtempSync(join(tmpdir(), 'leaderscope-bench-pg-'));
    pg = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false });
    adminUrl = pg.url;
  }
  const dbName = `ls_mail_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(adminUrl, dbName);
  await ensureDatabase(databaseUrl);
  const sink = await startSmtpSink({ parse: false });
  const seal = new SurveyTokenSeal(SECRET);
  const items = invitations(seal);
  console.log(`${RATERS} invitations, SMTP sink on ${sink.url}, ${CONNECTIONS} SMTP connections, Kafka ${brokers.join(',')}`);

  // 1. Raw nodemailer: the same mails, rendered beforehand, over the same pooled connections.
  const rendered = items.map(({ token, payload }) => ({
    to: payload.email,
    ...renderMail(
      {
        kind: 'invitation',
        recipientName: payload.raterName,
        organisationName: payload.organisationName,
        cycleId: payload.cycleId,
        cycleName: payload.cycleName,
        requestedBy: payload.requestedBy,
        subjectId: payload.subjectId,
        subjectName: payload.subjectName,
        relationship: payload.raterGroup,
        anonymityThreshold: 3,
        closesAt: payload.closesAt,
      },
      PUBLIC_URL,
      token,
    ),
  }));
  const raw = nodemailer.createTransport({
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: 1000,
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
  });
  let t0 = Date.now();
  await Promise.all(
    rendered.map((m, i) =>
      raw.sendMail({
        from: 'Leaderscope <bench@leaderscope.invalid>',
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<raw-${i}@bench>`,
      }),
    ),
  );
  const rawMs = Date.now() - t0;
  raw.close();
  await waitFor(async () => sink.received.length >= RATERS, 'raw mails');
  sink.received.length = 0;
  console.log(`raw nodemailer: ${RATERS} mails in ${(rawMs / 1000).toFixed(1)} s (${Math.round(RATERS / (rawMs / 1000))}/s)`);

  // 2. Through the platform: Kafka → notification service (inbox, mail rows, outbox) → SMTP → delivery events.
  const namespace = `mail-bench-${randomBytes(4).toString('hex')}.`;
  const gateway = new KafkaTransport({ brokers, clientId: 'bench-gateway', registry: catalogue, partitions: PARTITIONS, namespace });
  await gateway.start();
  const serviceTransport = new KafkaTransport({
    brokers,
    clientId: 'notification-service',
    registry: catalogue,
    partitions: PARTITIONS,
    namespace,
  });
  await serviceTransport.start();
  const app = await startNotificationService({
    databaseUrl,
    transport: serviceTransport,
    logger: ['error'],
    config: {
      smtpUrl: sink.url,
      mailFrom: 'Leaderscope <bench@leaderscope.invalid>',
      publicUrl: PUBLIC_URL,
      secret: SECRET,
      ratePerMinute: 0,
      retryBaseMs: 1000,
      retryMaxMs: 10_000,
      maxAttempts: 30,
      smtpConnections: CONNECTIONS,
      reminderCheckMs: 3_600_000,
      reminderMinIntervalMs: 86_400_000,
      pollMs: 200,
    },
  });
  const envelopes = items.map(({ payload }) =>
    createEnvelope(invitationIssuedV2, payload, { organisationId: 'bench-org', correlationId: 'bench-cycle' }),
  );
  t0 = Date.now();
  for (let i = 0; i < envelopes.length; i += 1000) await gateway.publish(envelopes.slice(i, i + 1000));
  const publishedMs = Date.now() - t0;
  await waitFor(async () => sink.received.length >= RATERS, 'platform mails');
  const deliveredMs = Date.now() - t0;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await waitFor(
    async () => Number((await client.query(`SELECT count(*) FROM notification.mail WHERE status = 'sent'`)).rows[0].count) >= RATERS,
    'sent marked',
  );
  const markedMs = Date.now() - t0;
  const [{ count: mails }] = (await client.query(`SELECT count(*)::int AS count FROM notification.mail`)).rows;
  const unique = new Set(sink.received.map((m) => m.to[0])).size;
  await client.end();
  console.log(
    `platform: published in ${(publishedMs / 1000).toFixed(1)} s; all ${sink.received.length} mails at the sink after ${(deliveredMs / 1000).toFixed(1)} s (${Math.round(RATERS / (deliveredMs / 1000))}/s); all marked sent after ${(markedMs / 1000).toFixed(1)} s`,
  );
  console.log(`check: ${mails} mail rows, ${unique} distinct recipients, ${sink.received.length} received (expected ${RATERS} each)`);
  console.log(`platform / raw nodemailer: ${(deliveredMs / rawMs).toFixed(2)}x`);

  await serviceTransport.stopConsumers();
  await app.close();
  await serviceTransport.close();
  await gateway.close();
  await sink.stop();
  await dropDatabase(adminUrl, dbName).catch(() => {});
  if (pg) {
    await pg.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
  if (sink.received.length !== RATERS || unique !== RATERS || mails !== RATERS) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
