import { ConfigError, loadConfig, mailConfig } from '@leaderscope/service-kit';

/** The notification service's settings, each from one environment variable, checked at start. */
export { ConfigError };

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

/** Reads and checks the settings (`mailConfig` in `@leaderscope/service-kit`); a bad value stops the service naming the variable. */
export function notificationConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  defaults: Pick<Partial<NotificationConfig>, 'publicUrl' | 'secret'> = {},
): NotificationConfig {
  const c = loadConfig(mailConfig, env);
  const publicUrl = (c.PUBLIC_URL ?? defaults.publicUrl ?? '').replace(/\/+$/, '');
  const secret = c.LEADERSCOPE_SECRET ?? defaults.secret;
  const missing = [
    ...(publicUrl ? [] : ['PUBLIC_URL is required: the base of every link in a mail, e.g. https://feedback.example.com']),
    ...(secret ? [] : ["LEADERSCOPE_SECRET is required (at least 16 characters, the same as the gateway's)"]),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    smtpUrl: c.SMTP_URL ?? null,
    mailFrom: c.MAIL_FROM,
    publicUrl,
    secret: secret!,
    ratePerMinute: c.MAIL_RATE_PER_MINUTE,
    retryBaseMs: c.MAIL_RETRY_BASE_MS,
    retryMaxMs: c.MAIL_RETRY_MAX_MS,
    maxAttempts: c.MAIL_MAX_ATTEMPTS,
    smtpConnections: c.MAIL_SMTP_CONNECTIONS,
    reminderCheckMs: c.REMINDER_CHECK_MS,
    reminderMinIntervalMs: c.REMINDER_MIN_INTERVAL_HOURS * 3600_000,
    pollMs: c.MAIL_POLL_MS,
  };
}
