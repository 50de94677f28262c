import { Module } from '@nestjs/common';
import { CoachingModule } from '../coaching/coaching.module';
import { CyclesModule } from '../cycles/cycles.module';
import { ReportsModule } from '../reports/reports.module';
import { ApplyReportUpdateUseCase } from './apply-report-update.use-case';
import { PublicationRepository } from './publication.repository';
import { PublicationResolver } from './publication.resolver';
import { ReleaseResultsUseCase } from './release-results.use-case';
import { ReportUpdatesConsumer } from './report-updates.consumer';

/** From scored report to what people see: report.updated into the read model, release, and the publication rule. */
@Module({
  imports: [CyclesModule, ReportsModule, CoachingModule],
  providers: [PublicationRepository, ApplyReportUpdateUseCase, ReleaseResultsUseCase, PublicationResolver, ReportUpdatesConsumer],
})
export class PublicationModule {}
