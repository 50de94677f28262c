import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RaterResponseEntity, SubjectReportEntity } from './report.entity';
import { RescoreSubjectUseCase } from './rescore-subject.use-case';
import { ResponsesConsumer } from './responses.consumer';

@Module({
  imports: [TypeOrmModule.forFeature([RaterResponseEntity, SubjectReportEntity])],
  providers: [RescoreSubjectUseCase, ResponsesConsumer],
  exports: [RescoreSubjectUseCase],
})
export class ReportsModule {}
