/** The notification service's settings, each from one environment variable, checked at start. */
export interface NotificationConfig {
  /** smtp://host:port or smtps://user:pass@host:port; null: record mails for the mail outbox instead of sending. */
  smtpUrl: string | null;
  /** The From address, e.g. `Leaderscope <feedback@example.com>` (MAIL_FROM). */
  mailFrom: string;
  /** Base of every link in a mail (PUBLIC_URL). */
  publicUrl: string;
  /** LEADERSCOPE_SECRET: opens the sealed survey tokens in memory at send time. */
  secret: string;
  /** Most mails sent per minute (MAIL_RATE_PER_MINUTE); 0 for no limit. */
  ratePerMinute: number;
  /** First retry after a temporary failure (MAIL_RETRY_BASE_MS), doubled at every attempt up to MAIL_RETRY_MAX_MS. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a mail that keeps failing temporarily is marked failed (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** SMTP connections kept open (MAIL_SMTP_CONNECTIONS). */
  smtpConnections: number;
  /** How often automatic reminders are looked for (REMINDER_CHECK_MS). */
  reminderCheckMs: number;
  /** Least time between two reminders to one rater (REMINDER_MIN_INTERVAL_HOURS, default 24). */
  reminderMinIntervalMs: number;
  /** How often the sender looks for due mails when nothing woke it (MAIL_POLL_MS). */
  pollMs: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return value;
}

/** Reads and checks the settings; a bad value stops the service with the variable's name. */
export function notificationConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  defaults: Partial<NotificationConfig> = {},
): NotificationConfig {
  const smtpUrl = env.SMTP_URL?.trim() || defaults.smtpUrl || null;
  if (smtpUrl) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new ConfigError(`SMTP_URL is not a URL (expected smtp://host:port or smtps://user:pass@host:port)`);
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
      throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  }
  const publicUrl = (env.PUBLIC_URL?.trim() || defaults.publicUrl || '').replace(/\/+$/, '');
  if (!publicUrl) throw new ConfigError('PUBLIC_URL is required: the base of every link in a mail, e.g. https://feedback.example.com');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  }
  const secret = env.LEADERSCOPE_SECRET || defaults.secret || '';
  if (secret.length < 16) throw new ConfigError("LEADERSCOPE_SECRET is required (at least 16 characters, the same as the gateway's)");
  return {
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || defaults.mailFrom || 'Leaderscope <no-reply@leaderscope.invalid>',
    publicUrl,
    secret,
    ratePerMinute: int(env, 'MAIL_RATE_PER_MINUTE', defaults.ratePerMinute ?? 600, 0),
    retryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', defaults.retryBaseMs ?? 30_000, 1),
    retryMaxMs: int(env, 'MAIL_RETRY_MAX_MS', defaults.retryMaxMs ?? 15 * 60_000, 1),
    maxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', defaults.maxAttempts ?? 30, 1),
    smtpConnections: int(env, 'MAIL_SMTP_CONNECTIONS', defaults.smtpConnections ?? 5, 1),
    reminderCheckMs: int(env, 'REMINDER_CHECK_MS', defaults.reminderCheckMs ?? 60_000, 10),
    reminderMinIntervalMs:
      int(env, 'REMINDER_MIN_INTERVAL_HOURS', (defaults.reminderMinIntervalMs ?? 24 * 3600_000) / 3600_000, 0) * 3600_000,
    pollMs: int(env, 'MAIL_POLL_MS', defaults.pollMs ?? 1000, 10),
  };
}
