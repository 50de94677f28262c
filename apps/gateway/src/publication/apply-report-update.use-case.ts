import type { SubjectReport as ScoredReport } from '@leaderscope/scoring';
import { ReportUpdatedV1 } from '@leaderscope/events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LiveUpdates } from '../common/live-updates';
import { heatmapCells } from '../reports/heatmap-cells';
import { LIVE, ReportsRepository } from '../reports/reports.repository';
import { SubjectReportEntity } from '../reports/subject-report.entity';
import { mayRepublish } from './publication-rule';
import { PublicationRepository } from './publication.repository';

/**
 * report.updated → the read model: stores a newer report (an older or repeated version changes
 * nothing), and after release republishes it only under the publication rule.
 */
@Injectable()
export class ApplyReportUpdateUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly publication: PublicationRepository,
    private readonly live: LiveUpdates,
  ) {}

  async execute(organisationId: string, update: ReportUpdatedV1): Promise<void> {
    const report = update.report;
    if (!isScoredReport(report)) throw new Error(`report.updated for ${update.cycleId}/${update.subjectId} carries no scored report`);
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
    await this.dataSource.transaction(async (manager) => {
      const stored = await this.reports.storeIfNewer(manager, row);
      if (!stored || row.resultSet !== LIVE) return;
      if (!(await this.publication.releasedAt(manager, row.cycleId))) return;
      const published = await this.publication.lockPublished(manager, row.cycleId, row.subjectId);
      if (published && !mayRepublish(published.groupCounts, row.groupCounts)) return;
      await this.publication.publish(manager, row);
    });
    this.live.reportChanged(update.cycleId, update.subjectId);
  }
}

/** The scoring service's report has scores per dimension and an overall figure. */
function isScoredReport(report: Record<string, unknown>): report is Record<string, unknown> & ScoredReport {
  const scores = report.scores as { dimensions?: unknown } | undefined;
  return Array.isArray(scores?.dimensions) && typeof report.overall === 'object';
}
