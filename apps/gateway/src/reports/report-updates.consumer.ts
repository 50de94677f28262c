import { EventEnvelope, reportUpdatedV1, ReportUpdatedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ReportsService } from './reports.service';

/** Thin adapter: report.updated → the gateway's report read model. */
@Injectable()
export class ReportUpdatesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly reports: ReportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'report-updates',
      contracts: [reportUpdatedV1],
      handler: async (event) => {
        await this.reports.apply(event.organisationId, (event as EventEnvelope<ReportUpdatedV1>).payload);
      },
    });
  }
}
