import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { InputError } from '../common/errors';
import { isUuid } from '../common/ids';
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
    // A malformed id cannot name a report: say which, plainly (nothing about whether anything exists).
    const malformed = [
      ...(isUuid(cycleId) ? [] : [{ field: 'cycleId', message: 'is not a cycle id (a report address holds two ids)', code: 'notAnId' }]),
      ...(isUuid(subjectId)
        ? []
        : [{ field: 'subjectId', message: 'is not a person id (a report address holds two ids)', code: 'notAnId' }]),
      ...(resultSet == null || resultSet === LIVE_RESULT_SET || isUuid(resultSet)
        ? []
        : [{ field: 'resultSet', message: 'must be "live" or a rescore id', code: 'notAnId' }]),
    ];
    if (malformed.length) throw new InputError(malformed);
    const cycle = await this.access.cycle(viewer, cycleId);
    const source = await this.access.report(viewer, cycle, subjectId, resultSet);
    const stored =
      source === 'live'
        ? await this.reports.live(cycle.id, subjectId, resultSet ?? LIVE_RESULT_SET)
        : await this.reports.published(cycle.id, subjectId);
    return stored ? this.view.of(cycle, stored, source) : null;
  }
}
