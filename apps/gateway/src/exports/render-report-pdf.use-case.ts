import { getInstrument } from '@leaderscope/framework';
import { describeReport, type ReportDocument } from '@leaderscope/messages';
import { createIntl, createIntlCache } from '@formatjs/intl';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { CycleStatusValue } from '../cycles/dto/cycle.model';
import { ListCyclesUseCase } from '../cycles/list-cycles.use-case';
import { ReadReportUseCase } from '../reports/read-report.use-case';
import { ReportComparisonsUseCase } from '../reliability/report-comparisons.use-case';
import { renderReportPdf } from './report-pdf.renderer';

const intl = createIntl({ locale: 'en', defaultLocale: 'en', timeZone: 'UTC' }, createIntlCache());

/**
 * One subject's report as PDF, under the same access rules as `subjectReport`; null before the
 * first scored response. It is the report the screen shows: the same description
 * (`describeReport`, packages/messages) from the same data — the report, its comparisons, and the
 * subject's previous released cycle when there is no like-for-like trend — drawn by pdfkit.
 */
@Injectable()
export class RenderReportPdfUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly readReport: ReadReportUseCase,
    private readonly comparisons: ReportComparisonsUseCase,
    private readonly listCycles: ListCyclesUseCase,
  ) {}

  async describe(viewer: Viewer, cycleId: string, subjectId: string): Promise<ReportDocument | null> {
    const report = await this.readReport.execute(viewer, cycleId, subjectId);
    if (!report) return null;
    const cycle = await this.access.cycle(viewer, cycleId);
    const comparisons = await this.comparisons.execute(
      viewer,
      cycleId,
      subjectId,
      report.resultSet,
      report.visibility,
      report.reportVersion,
    );
    const profile = getInstrument(cycle.instrumentId, cycle.instrumentVersion).roleProfiles.find((p) => p.id === report.roleProfileId);
    // As the screen does: the latest earlier released cycle this person was a subject in.
    let previous = null;
    if (!comparisons?.trend) {
      const earlier = (await this.listCycles.execute(viewer))
        .filter(
          (c) =>
            c.id !== cycle.id &&
            c.status === CycleStatusValue.RELEASED &&
            c.subjects.some((s) => s.id === subjectId) &&
            c.opensAt < cycle.opensAt,
        )
        .sort((a, b) => +b.opensAt - +a.opensAt)[0];
      const before = earlier ? await this.readReport.execute(viewer, earlier.id, subjectId).catch(() => null) : null;
      if (earlier && before) previous = { report: before, cycleName: earlier.name };
    }
    return describeReport(
      { ...report, comparisons },
      { threshold: cycle.anonymityThreshold, profileName: profile?.name ?? report.roleProfileId ?? '', previous },
      intl,
    );
  }

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<Buffer | null> {
    const description = await this.describe(viewer, cycleId, subjectId);
    return description ? renderReportPdf(description) : null;
  }
}
