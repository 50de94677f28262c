import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { ReportPdfController } from './report-pdf.controller';
import { ReportUpdatesConsumer } from './report-updates.consumer';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [CyclesModule],
  controllers: [ReportPdfController],
  providers: [ReportsService, ReportsResolver, ReportUpdatesConsumer],
  exports: [ReportsService],
})
export class ReportsModule {}
