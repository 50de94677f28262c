import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CycleResultEntity, SubjectComparisonEntity } from './cycle-result.entity';
import { RecordRaterPseudonymsUseCase } from './record-rater-pseudonyms.use-case';
import { ScoreCycleUseCase } from './score-cycle.use-case';
import { ScoreRequestsConsumer } from './score-requests.consumer';

@Module({
  imports: [TypeOrmModule.forFeature([CycleResultEntity, SubjectComparisonEntity])],
  providers: [ScoreCycleUseCase, RecordRaterPseudonymsUseCase, ScoreRequestsConsumer],
  exports: [ScoreCycleUseCase],
})
export class CycleResultsModule {}
