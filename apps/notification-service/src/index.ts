import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NOTIFICATION_SCHEMA, NotificationServiceModule, NotificationServiceOptions } from './notification-service.module';

export { NotificationServiceModule, NOTIFICATION_SCHEMA } from './notification-service.module';
export type { NotificationServiceOptions } from './notification-service.module';
export { notificationConfigFromEnv, ConfigError } from './config';
export type { NotificationConfig } from './config';
export { AutomaticRemindersUseCase } from './reminders/automatic-reminders.use-case';
export { MailDispatcher } from './delivery/mail-dispatcher.service';
export { SmtpSender, classifySmtpError } from './delivery/smtp-sender';
export type { MailSender, OutgoingMail, SendResult } from './delivery/smtp-sender';

/** Starts the notification service (no HTTP: it consumes events, sends mail, and reports delivery by events). */
export async function startNotificationService(
  options: NotificationServiceOptions & { logger?: LoggerService | LogLevel[] | false },
): Promise<INestApplicationContext> {
  await prepareServiceDatabase(options.databaseUrl, NOTIFICATION_SCHEMA);
  const app = await NestFactory.createApplicationContext(NotificationServiceModule.forRoot(options), {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  await app.init();
  return app;
}
