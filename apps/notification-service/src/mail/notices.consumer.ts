import {
  debriefCompletedV1,
  debriefRequestedV1,
  developmentPlanChangedV1,
  EventEnvelope,
  invitationIssuedV2,
  nominationApprovalRequestedV1,
  nominationRequestedV1,
  pulseLaunchedV1,
  reminderRequestedV1,
  resultsReleasedV1,
} from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QueueMailsUseCase } from './queue-mails.use-case';

/** Thin adapter: invitations, reminders, nomination and approval requests, released results, development plans shared, coaching debriefs requested and completed, follow-up pulses sent → QueueMailsUseCase. */
@Injectable()
export class NoticesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly queueMails: QueueMailsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'notices',
      contracts: [
        invitationIssuedV2,
        reminderRequestedV1,
        nominationRequestedV1,
        nominationApprovalRequestedV1,
        resultsReleasedV1,
        developmentPlanChangedV1,
        debriefRequestedV1,
        debriefCompletedV1,
        pulseLaunchedV1,
      ],
      handler: async (event) => this.queueMails.executeBatch([event as EventEnvelope<never>]),
      batchHandler: async (events) => this.queueMails.executeBatch(events as EventEnvelope<never>[]),
    });
  }
}
