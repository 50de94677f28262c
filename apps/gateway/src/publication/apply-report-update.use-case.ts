import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { ReportUpdatedV1, ReportUpdatedV2 } from '@leaderscope/events';
import { withCorrelation } from '@leaderscope/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LiveUpdates } from '../common/live-updates';
import { ReportRow, ReportsRepository } from '../reports/reports.repository';
import { PublicationRepository } from './publication.repository';
import { ReceivedReportUpdate, receivedReportUpdate } from './received-report-update';

/**
 * report.updated → the read model: stores a newer report (an older or repeated version changes
 * nothing). The scoring service announces only snapshots the disclosure rule allowed
 * (docs/anonymity.md), so after release the snapshot in force is the publication, and subscribers
 * hear of a change only when the figures they may read actually changed.
 */
@Injectable()
export class ApplyReportUpdateUseCase {
  private readonly logger = new Logger(ApplyReportUpdateUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly publication: PublicationRepository,
    private readonly live: LiveUpdates,
  ) {}

  async execute(organisationId: string, update: ReportUpdatedV1 | ReportUpdatedV2): Promise<void> {
    await this.executeBatch([{ organisationId, update: receivedReportUpdate(update) }]);
  }

  /**
   * A fetch's report.updated in one transaction: one upsert for all their reports (each stored only
   * if newer), then, for the live ones of released cycles, the publication as for one. The caller
   * gives at most one update per subject and result set (the newest); a repeated key keeps the
   * highest version. If the batch fails, the consumer applies its events one by one.
   */
  async executeBatch(items: { organisationId: string; update: ReceivedReportUpdate; correlationId?: string }[]): Promise<void> {
    const newest = new Map<string, { row: ReportRow; correlationId?: string }>();
    for (const { organisationId, update, correlationId } of items) {
      const key = JSON.stringify([update.cycleId, update.subjectId, update.resultSet]);
      const seen = newest.get(key);
      if (!seen || seen.row.reportVersion < update.reportVersion)
        newest.set(key, { row: this.rowOf(organisationId, update), correlationId });
    }
    // Rows are locked in one order by every batch (no deadlock between replicas after a rebalance).
    const entries = [...newest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
    const outcomes = await this.dataSource.transaction(async (manager) => {
      // 10 reports (about 450 kB of parameters) per statement: each partition's batch is applied
      // beside the others', and 50 per statement raised the gateway's peak memory at L past 400 MiB.
      const stored: boolean[] = [];
      for (let i = 0; i < entries.length; i += 10)
        stored.push(
          ...(await this.reports.storeManyIfNewer(
            manager,
            entries.slice(i, i + 10).map((e) => e.row),
          )),
        );
      // Whether each cycle's results are released, read once per cycle of the batch.
      const released = new Map<string, boolean>();
      const isReleased = async (cycleId: string): Promise<boolean> => {
        if (!released.has(cycleId)) released.set(cycleId, (await this.publication.releasedAt(manager, cycleId)) !== null);
        return released.get(cycleId)!;
      };
      const result: string[] = [];
      for (const [i, { row }] of entries.entries()) {
        if (!stored[i]) result.push('older version: ignored');
        else if (row.resultSet !== LIVE_RESULT_SET) result.push('stored (result set)');
        else if (!(await isReleased(row.cycleId))) result.push('stored');
        else {
          await this.publication.publishLive(manager, row.cycleId, row.subjectId);
          result.push('stored and published');
        }
      }
      return result;
    });
    entries.forEach(({ row, correlationId }, i) => {
      const outcome = outcomes[i];
      // Carries the correlation id of the request that caused it (see CorrelationMiddleware).
      const log = () => this.logger.debug(`report ${row.cycleId}/${row.subjectId} ${row.resultSet} v${row.reportVersion}: ${outcome}`);
      if (correlationId) withCorrelation(correlationId, log);
      else log();
      // Only the live snapshot is pushed (subscriptions read it); a rescore's result set is not news to a leader.
      if (outcome === 'stored' || outcome === 'stored and published') this.live.reportChanged(row.cycleId, row.subjectId);
    });
  }

  private rowOf(organisationId: string, update: ReceivedReportUpdate): ReportRow {
    return {
      cycleId: update.cycleId,
      subjectId: update.subjectId,
      resultSet: update.resultSet,
      organisationId,
      reportVersion: update.reportVersion,
      instrumentVersion: update.instrumentVersion,
      roleProfileId: update.roleProfileId,
      responseCount: update.responseCount,
      groupCounts: update.groupCounts,
      reportText: update.reportText,
      scoredAt: new Date(update.scoredAt),
      cells: update.cells,
      overallFit: update.overallFit,
    };
  }
}
