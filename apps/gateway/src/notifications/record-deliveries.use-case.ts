import { EventEnvelope, MailDeliveryUpdatedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { LiveUpdates } from '../common/live-updates';
import { DeliveryRow, MailDeliveriesRepository } from './mail-deliveries.repository';
import { isMailContent } from './mail-content';

/** Keeps the newest state of each mail (by its sequence, whatever the order of arrival) for HR's progress board and mail outbox. */
@Injectable()
export class RecordDeliveriesUseCase {
  static readonly consumer = 'mail-deliveries';

  constructor(
    private readonly outbox: OutboxService,
    private readonly deliveries: MailDeliveriesRepository,
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
      const rows = [...newest.values()].map((e): DeliveryRow => {
        const content = e.payload.content;
        // The contract carries the content as a record; anything but a mail's content is the sender's bug (retried, then dead-lettered).
        if (!isMailContent(content)) throw new Error(`mail.delivery-updated ${e.id}: content is not a mail's content`);
        return { ...e.payload, organisationId: e.organisationId, content, updatedAt: new Date(e.payload.updatedAt) };
      });
      rows.forEach((r) => cycles.add(r.cycleId));
      await this.deliveries.upsertDeliveries(manager, rows);
    });
    for (const cycleId of cycles) this.live.changed(cycleId);
  }
}
