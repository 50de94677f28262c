import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { SubjectReport } from '../reports/dto/report.model';
import { CycleReliabilityUseCase } from './cycle-reliability.use-case';
import { CycleReliability, ProjectionFilter, ReportComparisons, SubjectProjectionPage } from './dto/reliability.model';
import { ReportComparisonsUseCase } from './report-comparisons.use-case';

@Resolver(() => CycleReliability)
export class ReliabilityResolver {
  constructor(private readonly reliability: CycleReliabilityUseCase) {}

  @HrOnly()
  @Query(() => CycleReliability, {
    description:
      'HR: alpha per dimension, ICC per rater group, norm availability, and the projected reliability of who is invited (also before launch).',
  })
  cycleReliability(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('resultSet', { nullable: true }) resultSet?: string,
  ): Promise<CycleReliability> {
    return this.reliability.execute(viewer, cycleId, resultSet ?? 'live');
  }

  @HrOnly()
  @Query(() => SubjectProjectionPage, {
    description: 'HR: the projected reliability of who is invited, per subject and rater group, a page at a time by name.',
  })
  cycleReliabilityProjection(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => ProjectionFilter, nullable: true }) filter?: ProjectionFilter,
  ): Promise<SubjectProjectionPage> {
    return this.reliability.projectionPage(viewer, cycleId, { first, after, filter });
  }
}

@Resolver(() => SubjectReport)
export class ReportComparisonsResolver {
  constructor(private readonly readComparisons: ReportComparisonsUseCase) {}

  @ResolveField(() => ReportComparisons, {
    nullable: true,
    description: 'Percentiles and like-for-like trend, once the cycle is scored (null before)',
  })
  comparisons(@CurrentViewer() viewer: Viewer, @Parent() report: SubjectReport): Promise<ReportComparisons | null> {
    return this.readComparisons.execute(
      viewer,
      report.cycleId,
      report.subject.id,
      report.resultSet,
      report.visibility,
      report.reportVersion,
    );
  }
}
