import { EventEnvelope, mailDeliveryUpdatedV1, MailDeliveryUpdatedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RecordDeliveriesUseCase } from './record-deliveries.use-case';

/** Thin adapter: mail.delivery-updated → RecordDeliveriesUseCase. */
@Injectable()
export class MailDeliveriesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly record: RecordDeliveriesUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'mail-deliveries',
      contracts: [mailDeliveryUpdatedV1],
      handler: async (event) => this.record.executeBatch([event as EventEnvelope<MailDeliveryUpdatedV1>]),
      batchHandler: async (events) => this.record.executeBatch(events as EventEnvelope<MailDeliveryUpdatedV1>[]),
    });
  }
}
