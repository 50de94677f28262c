import { compileContract, EventEnvelope, reportUpdatedV1, ReportUpdatedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ApplyReportUpdateUseCase } from './apply-report-update.use-case';

/** Thin adapter: report.updated → the gateway's report read model. */
@Injectable()
export class ReportUpdatesConsumer implements OnApplicationBootstrap {
  /**
   * report.updated's contract compiled once, at start-up: the transport validates every event with
   * it (the same checks, output and errors as the runtime parser, several times faster on a ~44 kB
   * report; docs/benchmarks.md, "Report storage and the replay").
   */
  private readonly reportUpdated = compileContract(reportUpdatedV1);

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly applyUpdate: ApplyReportUpdateUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'report-updates',
      contracts: [this.reportUpdated],
      // Reports travel zstd-compressed (~45 kB as ~7 kB): kafkajs's 1 MiB a partition would bring
      // ~140 reports of each of six partitions at once, held parsed together (the gateway's peak
      // memory at L rose by ~70 MiB in a replay). 64 KiB brings about half what 1 MiB did uncompressed.
      maxBytesPerPartition: 64 * 1024,
      handler: async (event) => {
        await this.applyUpdate.execute(event.organisationId, (event as EventEnvelope<ReportUpdatedV1>).payload);
      },
      // A fetch's reports in one transaction (several versions of one report: only the newest is applied).
      batchHandler: async (events) => {
        await this.applyUpdate.executeBatch(
          (events as EventEnvelope<ReportUpdatedV1>[]).map((event) => ({
            organisationId: event.organisationId,
            update: event.payload,
            correlationId: event.correlationId,
          })),
        );
      },
    });
  }
}
