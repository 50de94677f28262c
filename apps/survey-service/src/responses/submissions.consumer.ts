import { EventEnvelope, surveySubmittedV1, SurveySubmittedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RecordResponseUseCase } from './record-response.use-case';

/** Thin adapter: survey.submitted → RecordResponseUseCase. */
@Injectable()
export class SubmissionsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly recordResponse: RecordResponseUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'submissions',
      contracts: [surveySubmittedV1],
      handler: async (event) => {
        await this.recordResponse.execute(event as EventEnvelope<SurveySubmittedV1>);
      },
      // What one fetch brings for a partition is recorded in one transaction.
      batchHandler: async (events) => {
        await this.recordResponse.executeBatch(events as EventEnvelope<SurveySubmittedV1>[]);
      },
    });
  }
}
