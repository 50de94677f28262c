import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { ExportCsvUseCase } from './export-csv.use-case';
import { ExportsResolver } from './exports.resolver';
import { RenderReportPdfUseCase } from './render-report-pdf.use-case';
import { ReportPdfController } from './report-pdf.controller';

/** Results leaving the platform: the cycle as CSV, one report as PDF. */
@Module({
  imports: [ReportsModule],
  controllers: [ReportPdfController],
  providers: [ExportCsvUseCase, RenderReportPdfUseCase, ExportsResolver],
})
export class ExportsModule {}
