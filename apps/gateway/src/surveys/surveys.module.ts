import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponseOutcomesConsumer } from './response-outcomes.consumer';
import { SubmissionEntity } from './submission.entity';
import { SurveysResolver } from './surveys.resolver';
import { SurveysService } from './surveys.service';

@Module({
  imports: [TypeOrmModule.forFeature([SubmissionEntity])],
  providers: [SurveysService, SurveysResolver, ResponseOutcomesConsumer],
})
export class SurveysModule {}
