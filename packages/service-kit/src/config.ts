import { KAFKA_COMPRESSIONS } from '@leaderscope/events';
import { z } from 'zod';

/**
 * Every environment variable the apps read, declared once with its type, default and rule. Each
 * app validates its schema once at start (`loadConfig`, done by `runService`): a wrong or missing
 * variable stops the process with a message naming it.
 */
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .refine(Number.isInteger, 'must be a whole number')
    .pipe(z.number().min(min).max(max));
const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
/** Nest's level names are accepted too: `log` is info, `verbose` is trace. */
const logLevel = z
  .enum([...LOG_LEVELS, 'log', 'verbose'], `must be one of ${LOG_LEVELS.join(', ')}`)
  .transform((v): LogLevelName => (v === 'log' ? 'info' : v === 'verbose' ? 'trace' : v));

const kafka = {
  /** Topic partitions created by the platform (default 6). */
  KAFKA_PARTITIONS: wholeNumber(1, 10_000).default(6),
  /** Prefix of topics and consumer groups, so several platforms share one broker. */
  KAFKA_TOPIC_PREFIX: z.string().optional(),
  KAFKA_COMMIT_INTERVAL_MS: wholeNumber(0, 3_600_000).optional(),
  /** Most events per batch handler call (default 500). */
  KAFKA_CONSUMER_BATCH_SIZE: wholeNumber(1, 100_000).optional(),
  /** Codec of the record batches produced: zstd (default), gzip or none. */
  KAFKA_COMPRESSION: z.enum(KAFKA_COMPRESSIONS, `must be one of ${KAFKA_COMPRESSIONS.join(', ')}`).optional(),
};

/** A service as its own process: its database and the Kafka brokers are required. */
export const eventServiceConfig = z.object({
  DATABASE_URL: postgresUrl,
  KAFKA_BROKERS: z.string().regex(/^[^\s,]+(,[^\s,]+)*$/, 'must be host:port[,host:port…]'),
  ...kafka,
  /** fatal, error, warn, info (default), debug (adds a line per event handled), trace. */
  LOG_LEVEL: logLevel.default('info'),
});
export type EventServiceConfig = z.infer<typeof eventServiceConfig>;

const http = {
  PORT: wholeNumber(0, 65_535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Schema introspection for clients (default true). */
  GRAPHQL_INTROSPECTION: flag.default(true),
  /** The built dashboard to serve at `/`. */
  DASHBOARD_DIR: z.string().optional(),
  /** The address people open links at (mails, link export); default the platform's own. */
  PUBLIC_URL: z.string().url('must be a URL such as https://feedback.example.com').optional(),
};
/** Encrypts survey tokens so HR can list links: at least 16 characters. */
const secret = z.string().min(16, 'must be at least 16 characters: it protects survey links');

/** The gateway as its own process. */
export const gatewayConfig = eventServiceConfig.extend({ ...http, LEADERSCOPE_SECRET: secret });
export type GatewayConfig = z.infer<typeof gatewayConfig>;

/** The whole platform in one process (`npm start`): everything optional, with one-machine defaults. */
export const platformConfig = z.object({
  DATABASE_URL: postgresUrl.optional(),
  KAFKA_BROKERS: eventServiceConfig.shape.KAFKA_BROKERS.optional(),
  ...kafka,
  ...http,
  LEADERSCOPE_SECRET: secret.optional(),
  /** Where the embedded PostgreSQL and the generated secret live (default .data). */
  LEADERSCOPE_DATA_DIR: z.string().optional(),
  /** Seed the demo organisation into an empty database (default true). */
  LEADERSCOPE_DEMO: flag.default(true),
  LOG_LEVEL: logLevel.default('info'),
});
export type PlatformConfig = z.infer<typeof platformConfig>;

/**
 * A one-off command (`provision`, `rescore`, `score-cycle`): its database is required; brokers
 * only when its events are to be published now (otherwise they wait in the service's outbox).
 */
export const commandConfig = z.object({
  DATABASE_URL: postgresUrl,
  KAFKA_BROKERS: eventServiceConfig.shape.KAFKA_BROKERS.optional(),
  ...kafka,
});
export type CommandConfig = z.infer<typeof commandConfig>;

/**
 * Mail (the notification service, alone or inside `npm start`): SMTP, the From address, sending
 * pace, retries and reminders. `PUBLIC_URL` and `LEADERSCOPE_SECRET` are required by the service
 * alone; `npm start` supplies its own when they are unset.
 */
export const mailConfig = z.object({
  /** smtp://host:port or smtps://user:pass@host:port; unset: mails are recorded for HR's mail outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps:// (e.g. smtp://mail.example.com:587)')
    .refine((v) => URL.canParse(v), 'is not a URL (expected smtp://host:port or smtps://user:pass@host:port)')
    .optional(),
  MAIL_FROM: z.string().default('Leaderscope <no-reply@leaderscope.invalid>'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL, the base of every link in a mail, e.g. https://feedback.example.com')
    .optional(),
  LEADERSCOPE_SECRET: z.string().min(16, "must be at least 16 characters, the same as the gateway's").optional(),
  /** Most mails sent per minute; 0 for no limit. */
  MAIL_RATE_PER_MINUTE: wholeNumber(0, 1_000_000).default(600),
  /** First retry after a temporary failure, doubled at every attempt up to MAIL_RETRY_MAX_MS. */
  MAIL_RETRY_BASE_MS: wholeNumber(1, 86_400_000).default(30_000),
  MAIL_RETRY_MAX_MS: wholeNumber(1, 86_400_000).default(15 * 60_000),
  /** Attempts before a mail that keeps failing temporarily is marked failed. */
  MAIL_MAX_ATTEMPTS: wholeNumber(1, 1_000).default(30),
  MAIL_SMTP_CONNECTIONS: wholeNumber(1, 100).default(5),
  /** How often automatic reminders are looked for. */
  REMINDER_CHECK_MS: wholeNumber(10, 86_400_000).default(60_000),
  /** Least time between two reminders to one rater. */
  REMINDER_MIN_INTERVAL_HOURS: wholeNumber(0, 24 * 365).default(24),
  /** How often the sender looks for due mails when nothing woke it. */
  MAIL_POLL_MS: wholeNumber(10, 3_600_000).default(1000),
});
export type MailConfig = z.infer<typeof mailConfig>;

/** The configuration was refused; `problems` name each variable and why. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment against a schema; blank variables count as unset. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const raw = given[name];
    return raw === undefined ? `${name} is required` : `${name}=${JSON.stringify(raw)}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
