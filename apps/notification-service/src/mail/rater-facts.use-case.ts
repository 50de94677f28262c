import { CycleClosedV1, EventEnvelope, ResponseRecordedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { MailRepository } from './mail.repository';

/** Records the facts that stop reminders: a rater's response was recorded; a cycle closed. */
@Injectable()
export class RaterFactsUseCase {
  static readonly consumer = 'rater-facts';

  constructor(
    private readonly outbox: OutboxService,
    private readonly mails: MailRepository,
  ) {}

  async executeBatch(events: EventEnvelope[]): Promise<void> {
    await this.outbox.handleBatchOnce(RaterFactsUseCase.consumer, events, async ({ manager }, fresh) => {
      // response.recorded's raterId is the rater's assignment id (never the person).
      const submitted = fresh.filter((e) => e.type === 'response.recorded').map((e) => (e.payload as ResponseRecordedV1).raterId);
      await this.mails.recordSubmitted(manager, [...new Set(submitted)]);
      for (const e of fresh.filter((x) => x.type === 'cycle.closed')) {
        const p = e.payload as CycleClosedV1;
        await this.mails.recordClosed(manager, p.cycleId, p.closedAt);
      }
    });
  }
}
