import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { AssignCoachUseCase } from './assign-coach.use-case';
import { CompleteDebriefUseCase } from './complete-debrief.use-case';
import { AssignCoachInput } from './dto/coaching.input';
import { Coachee, CycleCoaching, ReportCoaching } from './dto/coaching.model';
import { CycleCoachingUseCase, MyCoacheesUseCase, ReportCoachingUseCase } from './read-coaching.use-cases';
import { SetCycleCoachedUseCase } from './set-cycle-coached.use-case';

@Resolver(() => CycleCoaching)
export class CoachingResolver {
  constructor(
    private readonly setCoached: SetCycleCoachedUseCase,
    private readonly assign: AssignCoachUseCase,
    private readonly complete: CompleteDebriefUseCase,
    private readonly cycleCoachingOf: CycleCoachingUseCase,
    private readonly coachees: MyCoacheesUseCase,
    private readonly reportCoachingOf: ReportCoachingUseCase,
  ) {}

  @HrOnly()
  @Query(() => CycleCoaching, { description: "HR: whether the cycle is coached, each leader's coach, and the debriefs done" })
  cycleCoaching(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<CycleCoaching> {
    return this.cycleCoachingOf.execute(viewer, cycleId);
  }

  @HrOnly()
  @Mutation(() => CycleCoaching, { description: 'HR marks a cycle as coached (or not), before its results are released' })
  setCycleCoached(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('coached') coached: boolean,
  ): Promise<CycleCoaching> {
    return this.setCoached.execute(viewer, cycleId, coached);
  }

  @HrOnly()
  @Mutation(() => CycleCoaching, { description: 'HR assigns a coach to one or several leaders of a coached cycle' })
  assignCoach(@CurrentViewer() viewer: Viewer, @Args('input') input: AssignCoachInput): Promise<CycleCoaching> {
    return this.assign.execute(viewer, input);
  }

  @Mutation(() => ReportCoaching, {
    description: "The leader's coach marks the debrief done: the leader and their manager then see the report (idempotent)",
  })
  completeDebrief(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<ReportCoaching> {
    return this.complete.execute(viewer, cycleId, subjectId);
  }

  @Query(() => [Coachee], { description: 'The leaders the viewer coaches, in every coached cycle' })
  myCoachees(@CurrentViewer() viewer: Viewer): Promise<Coachee[]> {
    return this.coachees.execute(viewer);
  }

  @Query(() => ReportCoaching, {
    nullable: true,
    description: "A leader's report in a coached cycle: the coach and whether the debrief is done (null when the cycle is not coached)",
  })
  reportCoaching(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<ReportCoaching | null> {
    return this.reportCoachingOf.execute(viewer, cycleId, subjectId);
  }
}
