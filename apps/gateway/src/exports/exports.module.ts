import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { ReliabilityModule } from '../reliability/reliability.module';
import { ReportsModule } from '../reports/reports.module';
import { DownloadTicketsRepository } from './download-tickets.repository';
import { ExportCsvUseCase } from './export-csv.use-case';
import { ExportsResolver } from './exports.resolver';
import { IssueResultsDownloadUseCase } from './issue-results-download.use-case';
import { RenderReportPdfUseCase } from './render-report-pdf.use-case';
import { ReportPdfController } from './report-pdf.controller';
import { ResultsCsvController } from './results-csv.controller';

/** Results leaving the platform: the cycle as CSV (with the bearer token or a single-use download link), one report as PDF. */
@Module({
  imports: [ReportsModule, ReliabilityModule, CyclesModule],
  controllers: [ReportPdfController, ResultsCsvController],
  providers: [ExportCsvUseCase, RenderReportPdfUseCase, DownloadTicketsRepository, IssueResultsDownloadUseCase, ExportsResolver],
})
export class ExportsModule {}
