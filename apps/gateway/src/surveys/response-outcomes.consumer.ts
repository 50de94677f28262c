import { responseCountedV1, responseRecordedV1, responseRejectedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RecordOutcomeUseCase } from './record-outcome.use-case';

/** Thin adapter: response.recorded / response.rejected / response.counted → the submission's receipt status. */
@Injectable()
export class ResponseOutcomesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly outcomes: RecordOutcomeUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'response-outcomes',
      contracts: [responseRecordedV1, responseRejectedV1, responseCountedV1],
      handler: (event) => this.outcomes.execute(event),
      batchHandler: (events) => this.outcomes.executeBatch(events),
      // A receipt's status is not in a hurry: under load, one transaction for many outcomes (one
      // per submission otherwise: two events each, beside the ingestion). At most 200 ms late.
      fetchWait: { minBytes: 64 * 1024, maxWaitMs: 200 },
    });
  }
}
