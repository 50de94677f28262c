import { cycleClosedV1, responseRecordedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RaterFactsUseCase } from './rater-facts.use-case';

/** Thin adapter: response.recorded and cycle.closed → RaterFactsUseCase. */
@Injectable()
export class RaterFactsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly facts: RaterFactsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'rater-facts',
      contracts: [responseRecordedV1, cycleClosedV1],
      handler: async (event) => this.facts.executeBatch([event]),
      batchHandler: async (events) => this.facts.executeBatch(events),
    });
  }
}
