import { EventEnvelope, MailDeliveryUpdatedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { LiveUpdates } from '../common/live-updates';
import { NotificationsRepository } from './notifications.repository';

/** Keeps the newest state of each mail (by its sequence, whatever the order of arrival) for HR's progress board and mail outbox. */
@Injectable()
export class RecordDeliveriesUseCase {
  static readonly consumer = 'mail-deliveries';

  constructor(
    private readonly outbox: OutboxService,
    private readonly repository: NotificationsRepository,
    private readonly live: LiveUpdates,
  ) {}

  async executeBatch(events: EventEnvelope<MailDeliveryUpdatedV1>[]): Promise<void> {
    const cycles = new Set<string>();
    await this.outbox.handleBatchOnce(RecordDeliveriesUseCase.consumer, events, async ({ manager }, fresh) => {
      const newest = new Map<string, EventEnvelope<MailDeliveryUpdatedV1>>();
      for (const e of fresh as EventEnvelope<MailDeliveryUpdatedV1>[]) {
        const seen = newest.get(e.payload.mailId);
        if (!seen || seen.payload.sequence < e.payload.sequence) newest.set(e.payload.mailId, e);
      }
      const rows = [...newest.values()].map((e) => ({ ...e.payload, organisationId: e.organisationId }));
      rows.forEach((r) => cycles.add(r.cycleId));
      await this.repository.upsertDeliveries(manager, rows);
    });
    for (const cycleId of cycles) this.live.changed(cycleId);
  }
}
