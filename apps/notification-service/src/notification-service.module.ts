import { EventTransport } from '@leaderscope/events';
import { MessagingModule, MessagingOptions, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { NotificationConfig } from './config';
import { MailSender, SmtpSender } from './delivery/smtp-sender';
import { ErasureModule } from './erasure/erasure.module';
import { MailModule } from './mail/mail.module';
import { notificationMigrations } from './migrations';
import { MAIL_SENDER, NOTIFICATION_CONFIG } from './tokens';

export const NOTIFICATION_SCHEMA = 'notification';

export interface NotificationServiceOptions {
  databaseUrl: string;
  transport: EventTransport;
  config: NotificationConfig;
  /** Replaces the SMTP sender (benchmarks); by default nodemailer on config.smtpUrl, none without it. */
  sender?: MailSender | null;
  relay?: MessagingOptions['relay'];
  poolSize?: number;
}

@Global()
@Module({})
class NotificationConfigModule {
  static forRoot(options: NotificationServiceOptions): DynamicModule {
    const sender =
      options.sender !== undefined
        ? options.sender
        : options.config.smtpUrl
          ? new SmtpSender(options.config.smtpUrl, options.config.smtpConnections)
          : null;
    return {
      module: NotificationConfigModule,
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: options.config },
        { provide: MAIL_SENDER, useValue: sender },
      ],
      exports: [NOTIFICATION_CONFIG, MAIL_SENDER],
    };
  }
}

@Module({})
export class NotificationServiceModule {
  static forRoot(options: NotificationServiceOptions): DynamicModule {
    return {
      module: NotificationServiceModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: options.databaseUrl,
            schema: NOTIFICATION_SCHEMA,
            entities: [],
            migrations: notificationMigrations,
            poolSize: options.poolSize,
          }),
        ),
        NotificationConfigModule.forRoot(options),
        MessagingModule.forRoot({
          transport: options.transport,
          schema: NOTIFICATION_SCHEMA,
          service: 'notification-service',
          relay: options.relay,
        }),
        MailModule,
        ErasureModule,
      ],
    };
  }
}
