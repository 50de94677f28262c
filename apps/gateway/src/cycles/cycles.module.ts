import { Module } from '@nestjs/common';
import { AddSubjectsUseCase } from './add-subjects.use-case';
import { CloseCycleUseCase } from './close-cycle.use-case';
import { CreateCycleUseCase } from './create-cycle.use-case';
import { CycleView } from './cycle-view';
import { CyclesRepository } from './cycles.repository';
import { CyclesResolver } from './cycles.resolver';
import { GetCycleUseCase } from './get-cycle.use-case';
import { ListCycleSubjectsUseCase } from './list-cycle-subjects.use-case';
import { ListCyclesUseCase } from './list-cycles.use-case';
import { RescoreCycleUseCase } from './rescore-cycle.use-case';
import { SetCommentThresholdUseCase } from './set-comment-threshold.use-case';

/** Cycles: creating them, who is reviewed, closing and rescoring. */
@Module({
  providers: [
    CyclesRepository,
    CycleView,
    ListCyclesUseCase,
    GetCycleUseCase,
    ListCycleSubjectsUseCase,
    CreateCycleUseCase,
    AddSubjectsUseCase,
    CloseCycleUseCase,
    RescoreCycleUseCase,
    SetCommentThresholdUseCase,
    CyclesResolver,
  ],
  exports: [CyclesRepository, CycleView, GetCycleUseCase, ListCyclesUseCase, CloseCycleUseCase],
})
export class CyclesModule {}
