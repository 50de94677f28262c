import { EventEnvelope, responseRecordedV1, ResponseRecordedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RescoreSubjectUseCase } from './rescore-subject.use-case';

/** Thin adapter: response.recorded → RescoreSubjectUseCase. */
@Injectable()
export class ResponsesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly rescoreSubject: RescoreSubjectUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'responses',
      contracts: [responseRecordedV1],
      handler: async (event) => {
        await this.rescoreSubject.execute(event as EventEnvelope<ResponseRecordedV1>);
      },
      // What one fetch brings for a partition is one transaction, each subject in it scored once.
      batchHandler: async (events) => {
        await this.rescoreSubject.executeBatch(events as EventEnvelope<ResponseRecordedV1>[]);
      },
    });
  }
}
