import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportUpdatesConsumer } from './report-updates.consumer';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { SubjectReportEntity } from './subject-report.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SubjectReportEntity])],
  providers: [ReportsService, ReportsResolver, ReportUpdatesConsumer],
})
export class ReportsModule {}
