import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { SubjectReport } from './dto/report.model';
import { ReportView } from './report-view';
import { ReportsRepository } from './reports.repository';

/** The report the viewer may see: live figures for HR, the publication for the subject and their manager after release. */
@Injectable()
export class ReadReportUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly view: ReportView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string, resultSet?: string | null): Promise<SubjectReport | null> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const source = await this.access.report(viewer, cycle, subjectId, resultSet);
    const stored =
      source === 'live'
        ? await this.reports.live(cycle.id, subjectId, resultSet ?? LIVE_RESULT_SET)
        : await this.reports.published(cycle.id, subjectId);
    return stored ? this.view.of(cycle, stored, source) : null;
  }
}
