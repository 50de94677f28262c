import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { AssignCoachUseCase } from './assign-coach.use-case';
import { CompleteDebriefUseCase } from './complete-debrief.use-case';
import { AssignCoachInput } from './dto/coaching.input';
import { Coachee, CoachAssignmentFilter, CoachAssignmentPage, CycleCoaching, ReportCoaching } from './dto/coaching.model';
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
  @Query(() => CycleCoaching, {
    description: 'HR: whether the cycle is coached, and how many leaders have a coach and a debrief done (who: cycleCoachingPage)',
  })
  cycleCoaching(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<CycleCoaching> {
    return this.cycleCoachingOf.execute(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => CoachAssignmentPage, {
    description:
      "HR: the leaders of a coached cycle, each with their coach and whether the debrief is done, a page at a time by the leader's name (empty when the cycle is not coached)",
  })
  cycleCoachingPage(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => CoachAssignmentFilter, nullable: true }) filter?: CoachAssignmentFilter,
  ): Promise<CoachAssignmentPage> {
    return this.cycleCoachingOf.page(viewer, cycleId, { first, after, filter });
  }

  @HrOnly()
  @Mutation(() => CycleCoaching, {
    description:
      'HR marks a cycle as coached (or not), before its results are released; answers the counts (the leaders: cycleCoachingPage)',
  })
  setCycleCoached(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('coached') coached: boolean,
  ): Promise<CycleCoaching> {
    return this.setCoached.execute(viewer, cycleId, coached);
  }

  @HrOnly()
  @Mutation(() => CycleCoaching, {
    description: 'HR assigns a coach to one or several leaders of a coached cycle; answers the counts (the leaders: cycleCoachingPage)',
  })
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
