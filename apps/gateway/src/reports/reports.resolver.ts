import { Args, ID, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { LiveUpdates, REPORT_CHANGED } from '../common/live-updates';
import { CycleHeatmapUseCase } from './cycle-heatmap.use-case';
import { Heatmap, HeatmapFilter, HeatmapSort } from './dto/heatmap.model';
import { SubjectReport } from './dto/report.model';
import { ResultSet } from './dto/result-set.model';
import { ListResultSetsUseCase } from './list-result-sets.use-case';
import { ReadReportUseCase } from './read-report.use-case';
import { TeamReportUseCase } from './team-report.use-case';

@Resolver(() => SubjectReport)
export class ReportsResolver {
  constructor(
    private readonly readReport: ReadReportUseCase,
    private readonly listResultSets: ListResultSetsUseCase,
    private readonly heatmap: CycleHeatmapUseCase,
    private readonly team: TeamReportUseCase,
    private readonly live: LiveUpdates,
  ) {}

  @Query(() => SubjectReport, {
    nullable: true,
    description:
      "A subject's report: HR (live figures); the subject and their manager after release. Null until the first response is scored.",
  })
  subjectReport(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('resultSet', { nullable: true, description: 'HR: a rescore id to read a rescored result set' }) resultSet?: string,
  ): Promise<SubjectReport | null> {
    return this.readReport.execute(viewer, cycleId, subjectId, resultSet);
  }

  @HrOnly()
  @Query(() => [String], { description: "HR: the cycle's result sets: 'live' and one per rescore." })
  resultSets(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<string[]> {
    return this.listResultSets.execute(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => [ResultSet], {
    description:
      "HR: the cycle's result sets ('live' first, then each rescore) with the instrument version and role profile each was scored under.",
  })
  resultSetDetails(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<ResultSet[]> {
    return this.listResultSets.details(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => Heatmap, {
    description:
      'HR: subjects × dimensions, with fit to the role profile. Every row by name, or a page (`first`, `after`) filtered and sorted on the server.',
  })
  cycleHeatmap(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size (at most 500); all rows when absent' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => HeatmapFilter, nullable: true }) filter?: HeatmapFilter,
    @Args('sort', { type: () => HeatmapSort, nullable: true, description: 'Default: by name, ascending' }) sort?: HeatmapSort,
  ): Promise<Heatmap> {
    return this.heatmap.execute(viewer, cycleId, { first, after, filter, sort });
  }

  @Query(() => Heatmap, { description: "A manager's leaders in this cycle, after release." })
  teamReport(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Heatmap> {
    return this.team.execute(viewer, cycleId);
  }

  @Subscription(() => SubjectReport, {
    nullable: true,
    description: "A subject's report, again whenever it changes (same access rules as subjectReport).",
    filter: (payload: { cycleId: string; subjectId: string }, variables: { cycleId: string; subjectId: string }) =>
      payload.cycleId === variables.cycleId && payload.subjectId === variables.subjectId,
    resolve: function (
      this: ReportsResolver,
      _payload: unknown,
      args: { cycleId: string; subjectId: string },
      context: { leaderscope?: { viewer: Viewer } },
    ) {
      return this.readReport.execute(context.leaderscope!.viewer, args.cycleId, args.subjectId);
    },
  })
  async subjectReportChanged(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ) {
    await this.readReport.execute(viewer, cycleId, subjectId); // access check before subscribing
    return this.live.pubsub.asyncIterableIterator(REPORT_CHANGED);
  }
}
