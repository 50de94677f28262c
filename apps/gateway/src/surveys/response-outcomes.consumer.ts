import { EventEnvelope, responseRecordedV1, responseRejectedV1, ResponseRecordedV1, ResponseRejectedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SurveysService } from './surveys.service';

/** Thin adapter: response.recorded / response.rejected → the submission's receipt status. */
@Injectable()
export class ResponseOutcomesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly surveys: SurveysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'response-outcomes',
      contracts: [responseRecordedV1, responseRejectedV1],
      handler: async (event) => {
        if (event.type === responseRecordedV1.type) {
          await this.surveys.markOutcome((event as EventEnvelope<ResponseRecordedV1>).payload.submissionId, 'recorded', null);
        } else {
          const { submissionId, reasons } = (event as EventEnvelope<ResponseRejectedV1>).payload;
          await this.surveys.markOutcome(submissionId, 'rejected', reasons);
        }
      },
      batchHandler: async (events) => {
        const recorded = events.filter((e) => e.type === responseRecordedV1.type).map((e) => (e as EventEnvelope<ResponseRecordedV1>).payload.submissionId);
        await this.surveys.markRecorded(recorded);
        for (const e of events.filter((x) => x.type === responseRejectedV1.type) as EventEnvelope<ResponseRejectedV1>[]) {
          await this.surveys.markOutcome(e.payload.submissionId, 'rejected', e.payload.reasons);
        }
      },
    });
  }
}
