import { Module } from '@nestjs/common';
import { CycleHeatmapUseCase } from './cycle-heatmap.use-case';
import { HeatmapView } from './heatmap-view';
import { ListResultSetsUseCase } from './list-result-sets.use-case';
import { ReadReportUseCase } from './read-report.use-case';
import { ReportView } from './report-view';
import { ReportsRepository } from './reports.repository';
import { ReportsResolver } from './reports.resolver';
import { TeamReportUseCase } from './team-report.use-case';

/** Reading reports: one subject's, the cycle heatmap, a manager's team, live or published by who is asking. */
@Module({
  providers: [
    ReportsRepository,
    ReportView,
    HeatmapView,
    ReadReportUseCase,
    ListResultSetsUseCase,
    CycleHeatmapUseCase,
    TeamReportUseCase,
    ReportsResolver,
  ],
  exports: [ReportsRepository, ReadReportUseCase],
})
export class ReportsModule {}
