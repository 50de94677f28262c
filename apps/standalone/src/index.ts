import { ensureDatabase, PostgresLogTransport, startEmbeddedPostgres, withDatabase } from '@leaderscope/database';
import { catalogue, EventTransport } from '@leaderscope/events';
import { createGateway, listenGateway, NOTIFICATIONS_OPTIONS, NotificationsOptions, TOKEN_CIPHER, TokenCipher } from '@leaderscope/gateway';
import { NotificationConfig, notificationConfigFromEnv, startNotificationService } from '@leaderscope/notification-service';
import { startScoringService } from '@leaderscope/scoring-service';
import { KafkaSettings, transportFromConfig } from '@leaderscope/service-kit';
import { startSurveyService } from '@leaderscope/survey-service';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemo } from './demo-seed';
import { PlatformLogger } from './platform-logger';

export interface PlatformOptions {
  /** PostgreSQL to use; when absent an embedded PostgreSQL is started in `<dataDir>/postgres`. */
  databaseUrl?: string;
  /**
   * Kafka: `KAFKA_BROKERS` and the other `KAFKA_*` settings, read as every service process reads them
   * (`transportFromConfig`). Without brokers the in-process transport is used (its log is the
   * PostgreSQL database).
   */
  kafka?: KafkaSettings;
  /** Where the one-machine default keeps its files (default `.data` at the repository root). */
  dataDir?: string;
  port?: number;
  host?: string;
  dashboardDir?: string;
  /** Server secret (LEADERSCOPE_SECRET); when absent one is generated once and kept in the data directory. */
  secret?: string;
  /** GraphQL schema introspection (GRAPHQL_INTROSPECTION); on by default. */
  introspection?: boolean;
  /** Seed the demo organisation when the database has none (default true). */
  seedDemo?: boolean;
  /**
   * Mail settings read as the notification service reads them (SMTP_URL, MAIL_FROM, PUBLIC_URL,
   * MAIL_RATE_PER_MINUTE…); without SMTP_URL mails are recorded for the mail outbox, not sent.
   * PUBLIC_URL defaults to the platform's own address.
   */
  mailEnv?: NodeJS.ProcessEnv;
  /** Overrides of single mail settings (tests). */
  notifications?: Partial<NotificationConfig>;
  /** The gateway's periodic check of received / recorded / counted (tests make it quick). */
  consistency?: { intervalMs?: number; staleAfterMs?: number };
  /** The gateway's retention job (tests move its clock). */
  retention?: { intervalMs?: number; clock?: () => Date };
  log?: (message: string) => void;
  /** Where the apps' own logs go (default: JSON lines, warnings and errors only). */
  logger?: PlatformLogger;
}

export interface Platform {
  url: string;
  databaseUrl: string;
  transport: EventTransport;
  gateway: INestApplication;
  stop(): Promise<void>;
}

const repoRoot = resolve(__dirname, '..', '..', '..');

/** Starts the whole platform in this process: the one-machine default behind `npm start`. */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? ((m: string) => console.log(m));
  let stopPostgres: (() => Promise<void>) | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    const dataDir = join(options.dataDir ?? join(repoRoot, '.data'), 'postgres');
    log(`postgres: starting embedded PostgreSQL (data in ${dataDir})`);
    const pg = await startEmbeddedPostgres({
      dataDir,
      persistent: true,
      onLog: (m) => {
        // Our own notes (stale lock recovered, …); initdb's chatter stays quiet.
        if (typeof m === 'string' && m.startsWith('postgres:')) log(m);
      },
    });
    stopPostgres = () => pg.stop();
    databaseUrl = withDatabase(pg.url, 'leaderscope');
  }
  try {
    return await startOnDatabase(options, databaseUrl, log, stopPostgres);
  } catch (error) {
    // Whatever fails during start-up, the PostgreSQL we started does not outlive us.
    await stopPostgres?.().catch(() => {});
    throw error;
  }
}

async function startOnDatabase(
  options: PlatformOptions,
  databaseUrl: string,
  log: (message: string) => void,
  stopPostgres: (() => Promise<void>) | undefined,
): Promise<Platform> {
  await ensureDatabase(databaseUrl);

  // Without Kafka the log is PostgreSQL itself: what a service's relay published survives a crash.
  const transport: EventTransport = options.kafka?.KAFKA_BROKERS
    ? transportFromConfig('leaderscope', options.kafka)
    : new PostgresLogTransport({ databaseUrl, registry: catalogue, onError: (error) => log(`events: ${String(error)}`) });
  await transport.start();
  log(`events: ${transport.kind === 'kafka' ? `Kafka at ${options.kafka?.KAFKA_BROKERS}` : 'in-process transport, log in PostgreSQL'}`);

  const services: INestApplicationContext[] = [];
  const logger = options.logger ?? new PlatformLogger();
  let gateway: INestApplication | undefined;
  /** Drains first (consumers finish and record what they hold, relays publish), PostgreSQL last. */
  const stop = async () => {
    await transport.stopConsumers().catch((error) => log(`events: ${String(error)}`));
    await gateway?.close();
    for (const service of services.reverse()) await service.close();
    await transport.close();
    await stopPostgres?.();
  };
  try {
    services.push(await startSurveyService({ databaseUrl, transport, logger }));
    services.push(await startScoringService({ databaseUrl, transport, logger }));
    const secret = options.secret ?? persistentSecret(join(options.dataDir ?? join(repoRoot, '.data'), 'secret'));
    gateway = await startGateway(options, databaseUrl, transport, logger, secret);
    const port = options.port ?? 4000;
    const host = options.host ?? '127.0.0.1';
    const url = `http://${host}:${await listenGateway(gateway, port, host)}`;
    // The notifier starts once the address (the default PUBLIC_URL) is known, before anything can be launched.
    const mailConfig = { ...notificationConfigFromEnv(options.mailEnv ?? {}, { publicUrl: url, secret }), ...options.notifications };
    gateway.get<NotificationsOptions>(NOTIFICATIONS_OPTIONS).publicUrl = mailConfig.publicUrl;
    services.push(await startNotificationService({ databaseUrl, transport, logger, config: mailConfig }));
    log(
      `mail: ${mailConfig.smtpUrl ? `sending through ${new URL(mailConfig.smtpUrl).host}` : 'no SMTP_URL, mails are kept in the mail outbox (HR › Mail outbox), not sent'}`,
    );
    if (options.seedDemo ?? true) await seedDemo(url, gateway.get(DataSource), gateway.get<TokenCipher>(TOKEN_CIPHER), log);
    return { url, databaseUrl, transport, gateway, stop };
  } catch (error) {
    stopPostgres = undefined; // the caller stops it
    await stop().catch(() => {});
    throw error;
  }
}

async function startGateway(
  options: PlatformOptions,
  databaseUrl: string,
  transport: EventTransport,
  logger: PlatformLogger,
  secret: string,
): Promise<INestApplication> {
  return createGateway({
    logger,
    databaseUrl,
    transport,
    secret,
    introspection: options.introspection,
    consistency: options.consistency,
    retention: options.retention,
    publicUrl: options.notifications?.publicUrl ?? options.mailEnv?.PUBLIC_URL,
    dashboardDir: options.dashboardDir ?? join(repoRoot, 'apps', 'dashboard', 'dist'),
  });
}

/** Reads the server secret from `file`, creating it (random, mode 600) on first use. */
function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
