import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { CycleReliabilityUseCase } from './cycle-reliability.use-case';
import { CycleResultsConsumer } from './cycle-results.consumer';
import { CycleResultsRepository } from './cycle-results.repository';
import { ReliabilityResolver, ReportComparisonsResolver } from './reliability.resolver';
import { ReportComparisonsUseCase } from './report-comparisons.use-case';

/** Cycle-level results: HR's reliability page (measured and projected) and each report's comparisons (norms, trend). */
@Module({
  imports: [ReportsModule],
  providers: [
    CycleResultsRepository,
    CycleResultsConsumer,
    CycleReliabilityUseCase,
    ReportComparisonsUseCase,
    ReliabilityResolver,
    ReportComparisonsResolver,
  ],
  exports: [ReportComparisonsUseCase],
})
export class ReliabilityModule {}
