import { cycleResponsesPurgeRequestedV1, CycleResponsesPurgeRequestedV1, EventEnvelope } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PurgeCycleResponsesUseCase } from './purge-cycle-responses.use-case';

/** Thin adapter: cycle.responses-purge-requested → PurgeCycleResponsesUseCase. */
@Injectable()
export class RetentionConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly purge: PurgeCycleResponsesUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: PurgeCycleResponsesUseCase.consumer,
      contracts: [cycleResponsesPurgeRequestedV1],
      handler: async (event) => {
        await this.purge.execute(event as EventEnvelope<CycleResponsesPurgeRequestedV1>);
      },
    });
  }
}
