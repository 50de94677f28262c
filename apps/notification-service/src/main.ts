import { runEventService } from '@leaderscope/service-kit';
import { notificationConfigFromEnv } from './config';
import { startNotificationService } from './index';

/**
 * The notification service as its own process, on Kafka and PostgreSQL (KAFKA_BROKERS,
 * DATABASE_URL), sending over SMTP_URL (or recording mails for the outbox without it).
 */
let config;
try {
  config = notificationConfigFromEnv();
} catch (error) {
  console.error(`notification-service cannot start: ${(error as Error).message}`);
  process.exit(1);
}
runEventService(
  'notification-service',
  (options) => startNotificationService({ ...options, config }),
  config.smtpUrl ? `sending mail through ${new URL(config.smtpUrl).host}` : 'no SMTP_URL: recording mails for the mail outbox',
);
