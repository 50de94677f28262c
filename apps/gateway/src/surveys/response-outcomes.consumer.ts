import { EventEnvelope, responseRecordedV1, responseRejectedV1, ResponseRecordedV1, ResponseRejectedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RecordOutcomeUseCase } from './record-outcome.use-case';

/** Thin adapter: response.recorded / response.rejected → the submission's receipt status. */
@Injectable()
export class ResponseOutcomesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly outcomes: RecordOutcomeUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'response-outcomes',
      contracts: [responseRecordedV1, responseRejectedV1],
      handler: async (event) => {
        if (event.type === responseRecordedV1.type) {
          await this.outcomes.recorded([(event as EventEnvelope<ResponseRecordedV1>).payload.submissionId]);
        } else {
          const { submissionId, reasons } = (event as EventEnvelope<ResponseRejectedV1>).payload;
          await this.outcomes.rejected(submissionId, reasons);
        }
      },
      batchHandler: async (events) => {
        const recorded = events.filter((e) => e.type === responseRecordedV1.type).map((e) => (e as EventEnvelope<ResponseRecordedV1>).payload.submissionId);
        await this.outcomes.recorded(recorded);
        for (const e of events.filter((x) => x.type === responseRejectedV1.type) as EventEnvelope<ResponseRejectedV1>[]) {
          await this.outcomes.rejected(e.payload.submissionId, e.payload.reasons);
        }
      },
    });
  }
}
