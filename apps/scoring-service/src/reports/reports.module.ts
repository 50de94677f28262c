import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RaterResponseEntity, RescoreEntity, SubjectReportEntity } from './report.entity';
import { RescoreCycleUseCase } from './rescore-cycle.use-case';
import { RescoreRequestsConsumer } from './rescore-requests.consumer';
import { RescoreSubjectUseCase } from './rescore-subject.use-case';
import { ResponsesConsumer } from './responses.consumer';

@Module({
  imports: [TypeOrmModule.forFeature([RaterResponseEntity, SubjectReportEntity, RescoreEntity])],
  providers: [RescoreSubjectUseCase, RescoreCycleUseCase, ResponsesConsumer, RescoreRequestsConsumer],
  exports: [RescoreSubjectUseCase, RescoreCycleUseCase],
})
export class ReportsModule {}
