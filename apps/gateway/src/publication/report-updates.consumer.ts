import { EventEnvelope } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ApplyReportUpdateUseCase } from './apply-report-update.use-case';
import { ReceivedReportUpdate, reportUpdatedAsReceived } from './received-report-update';

const itemOf = (event: EventEnvelope<ReceivedReportUpdate>) => ({
  organisationId: event.organisationId,
  update: event.payload,
  correlationId: event.correlationId,
});

/** Thin adapter: report.updated → the gateway's report read model. */
@Injectable()
export class ReportUpdatesConsumer implements OnApplicationBootstrap {
  /**
   * report.updated's contracts (v2 and v1) compiled once, at start-up: the transport validates every
   * event with its version's (the same checks and errors as the runtime parser, several times faster
   * on a ~44 kB report; docs/benchmarks.md, "Report storage and the replay"), and hands over its
   * received form.
   */
  private readonly reportUpdated = reportUpdatedAsReceived();

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly applyUpdate: ApplyReportUpdateUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'report-updates',
      contracts: this.reportUpdated,
      // Reports travel zstd-compressed (~45 kB as ~7 kB): kafkajs's 1 MiB a partition would bring
      // ~140 reports of each of six partitions at once, held parsed together (the gateway's peak
      // memory at L rose by ~70 MiB in a replay). 64 KiB brings about half what 1 MiB did uncompressed.
      maxBytesPerPartition: 64 * 1024,
      handler: async (event) => {
        await this.applyUpdate.executeBatch([itemOf(event as EventEnvelope<ReceivedReportUpdate>)]);
      },
      // A fetch's reports in one transaction (several versions of one report: only the newest is applied).
      batchHandler: async (events) => {
        await this.applyUpdate.executeBatch((events as EventEnvelope<ReceivedReportUpdate>[]).map(itemOf));
      },
    });
  }
}
