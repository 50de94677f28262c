import { cycleScoredV1, CycleScoredV1, EventEnvelope, reportComparisonsUpdatedV1, ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CycleResultsRepository } from './cycle-results.repository';

/** Thin adapter: cycle.scored and report.comparisons-updated → the gateway's read models (newer versions only). */
@Injectable()
export class CycleResultsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly results: CycleResultsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'cycle-results',
      contracts: [cycleScoredV1, reportComparisonsUpdatedV1],
      handler: async (event) => {
        if (event.type === cycleScoredV1.type) {
          const r = (event as EventEnvelope<CycleScoredV1>).payload;
          await this.results.applyCycleResult(event.organisationId, r);
        } else await this.results.applyComparisons(event.organisationId, (event as EventEnvelope<ReportComparisonsUpdatedV1>).payload);
      },
    });
  }
}
