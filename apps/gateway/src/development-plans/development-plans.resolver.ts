import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { CommentOnDevelopmentPlanUseCase } from './comment-on-development-plan.use-case';
import { DevelopmentPlanCoverageUseCase } from './development-plan-coverage.use-case';
import { CommentOnDevelopmentPlanInput, SaveDevelopmentPlanInput } from './dto/development-plan.input';
import { DevelopmentPlan, DevelopmentPlanCoverage, DevelopmentPlanExistencePage, PlanCoverageFilter } from './dto/development-plan.model';
import { ReadDevelopmentPlanUseCase } from './read-development-plan.use-case';
import { SaveDevelopmentPlanUseCase } from './save-development-plan.use-case';

@Resolver(() => DevelopmentPlan)
export class DevelopmentPlansResolver {
  constructor(
    private readonly read: ReadDevelopmentPlanUseCase,
    private readonly save: SaveDevelopmentPlanUseCase,
    private readonly comment: CommentOnDevelopmentPlanUseCase,
    private readonly coverage: DevelopmentPlanCoverageUseCase,
  ) {}

  @Query(() => DevelopmentPlan, {
    nullable: true,
    description: "A leader's development plan (null until they save one): the leader and their manager, after release",
  })
  developmentPlan(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<DevelopmentPlan | null> {
    return this.read.execute(viewer, cycleId, subjectId);
  }

  @Mutation(() => DevelopmentPlan, { description: 'The leader saves their development plan: a new version, the manager is told' })
  async saveDevelopmentPlan(@CurrentViewer() viewer: Viewer, @Args('input') input: SaveDevelopmentPlanInput): Promise<DevelopmentPlan> {
    const saved = await this.save.execute(viewer, input);
    return (await this.read.execute(viewer, saved.cycleId, saved.subjectId))!;
  }

  @Mutation(() => DevelopmentPlan, { description: "The leader's manager comments on the plan's current version" })
  async commentOnDevelopmentPlan(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CommentOnDevelopmentPlanInput,
  ): Promise<DevelopmentPlan> {
    await this.comment.execute(viewer, input);
    return (await this.read.execute(viewer, input.cycleId, input.subjectId))!;
  }

  @HrOnly()
  @Query(() => DevelopmentPlanCoverage, { description: 'HR: which leaders of the cycle have a development plan (never its content)' })
  developmentPlanCoverage(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
  ): Promise<DevelopmentPlanCoverage> {
    return this.coverage.execute(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => DevelopmentPlanExistencePage, {
    description: 'HR: the leaders of the cycle and whether each has a development plan (never its content), a page at a time by name',
  })
  developmentPlanCoveragePage(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => PlanCoverageFilter, nullable: true }) filter?: PlanCoverageFilter,
  ): Promise<DevelopmentPlanExistencePage> {
    return this.coverage.page(viewer, cycleId, { first, after, filter });
  }
}
