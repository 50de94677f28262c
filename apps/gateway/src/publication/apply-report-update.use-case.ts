import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { ReportUpdatedV1 } from '@leaderscope/events';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LiveUpdates } from '../common/live-updates';
import { heatmapCells } from '../reports/heatmap-cells';
import { ReportsRepository } from '../reports/reports.repository';
import { SubjectReportEntity } from '../reports/subject-report.entity';
import { PublicationRepository } from './publication.repository';

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

  async execute(organisationId: string, update: ReportUpdatedV1): Promise<void> {
    const report = update.report;
    const row: SubjectReportEntity = {
      cycleId: update.cycleId,
      subjectId: update.subjectId,
      resultSet: update.resultSet,
      organisationId,
      reportVersion: update.reportVersion,
      instrumentVersion: update.instrumentVersion,
      roleProfileId: update.roleProfileId,
      responseCount: update.responseCount,
      groupCounts: update.groupCounts,
      report,
      scoredAt: new Date(update.scoredAt),
      cells: heatmapCells(report),
      overallFit: report.overall?.fit ?? null,
    };
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await this.reports.storeIfNewer(manager, row);
      if (!stored) return 'older version: ignored';
      if (row.resultSet !== LIVE_RESULT_SET) return 'stored (result set)';
      if (!(await this.publication.releasedAt(manager, row.cycleId))) return 'stored';
      await this.publication.lockPublished(manager, row.cycleId, row.subjectId);
      await this.publication.publish(manager, row);
      return 'stored and published';
    });
    // Carries the correlation id of the request that caused it (see CorrelationMiddleware).
    this.logger.debug(`report ${row.cycleId}/${row.subjectId} ${row.resultSet} v${row.reportVersion}: ${outcome}`);
    // Only the live snapshot is pushed (subscriptions read it); a rescore's result set is not news to a leader.
    if (outcome === 'stored' || outcome === 'stored and published') this.live.reportChanged(update.cycleId, update.subjectId);
  }
}
