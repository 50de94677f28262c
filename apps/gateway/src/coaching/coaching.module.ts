import { Module } from '@nestjs/common';
import { AssignCoachUseCase } from './assign-coach.use-case';
import { CoachedRelease } from './coaching-notices';
import { CoachingRepository } from './coaching.repository';
import { CoachingResolver } from './coaching.resolver';
import { CoachingView } from './coaching-view';
import { CompleteDebriefUseCase } from './complete-debrief.use-case';
import { CycleCoachingUseCase, MyCoacheesUseCase, ReportCoachingUseCase } from './read-coaching.use-cases';
import { SetCycleCoachedUseCase } from './set-cycle-coached.use-case';

/** The coach role: coached cycles, coaches assigned to leaders, the debrief that shares the report. */
@Module({
  providers: [
    CoachingRepository,
    CoachingView,
    CoachedRelease,
    SetCycleCoachedUseCase,
    AssignCoachUseCase,
    CompleteDebriefUseCase,
    CycleCoachingUseCase,
    MyCoacheesUseCase,
    ReportCoachingUseCase,
    CoachingResolver,
  ],
  exports: [CoachedRelease],
})
export class CoachingModule {}
