import { SurveyTokenSeal } from '@leaderscope/events';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { MailDeliveriesConsumer } from './mail-deliveries.consumer';
import { NotificationEvents, SURVEY_TOKEN_SEAL } from './notification-events';
import { NotificationsResolver, OutboxMailPageResolver } from './notifications.resolver';
import { ListMailDeliveriesUseCase } from './list-mail-deliveries.use-case';
import { ListMailOutboxUseCase, OpenOutboxMailUseCase } from './mail-outbox.use-cases';
import { RequestNominationApprovalUseCase, RequestNominationsUseCase } from './nomination-requests.use-cases';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import { MailDeliveriesRepository } from './mail-deliveries.repository';
import { NotificationsRepository } from './notifications.repository';
import { ResendInvitationUseCase } from './resend-invitation.use-case';
import { ExportSurveyLinksUseCase, ListMySurveysUseCase } from './survey-links.use-cases';
import { RecordDeliveriesUseCase } from './record-deliveries.use-case';

/**
 * Mail, as the gateway sees it: the events that make the notification service write (built by
 * NotificationEvents, which other capabilities use at launch and release), the delivery read
 * model, the mail outbox, resend, link export and "my surveys to answer".
 */
@Global()
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsOptions & { secret: string }): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [
        { provide: SURVEY_TOKEN_SEAL, useValue: new SurveyTokenSeal(options.secret) },
        { provide: NOTIFICATIONS_OPTIONS, useValue: { publicUrl: options.publicUrl.replace(/\/+$/, '') } },
        NotificationsRepository,
        MailDeliveriesRepository,
        NotificationEvents,
        ListMailDeliveriesUseCase,
        ResendInvitationUseCase,
        ListMailOutboxUseCase,
        OpenOutboxMailUseCase,
        ListMySurveysUseCase,
        ExportSurveyLinksUseCase,
        RequestNominationsUseCase,
        RequestNominationApprovalUseCase,
        NotificationsResolver,
        OutboxMailPageResolver,
        RecordDeliveriesUseCase,
        MailDeliveriesConsumer,
      ],
      exports: [NotificationEvents],
    };
  }
}
