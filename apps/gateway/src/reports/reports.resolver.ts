import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CyclesService } from '../cycles/cycles.service';
import { Cycle } from '../cycles/dto/cycle.model';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { ProgressNotifier, REPORT_CHANGED } from '../cycles/progress.notifier';
import { Heatmap, SubjectReport } from './dto/report.model';
import { ReportsService } from './reports.service';

@Resolver(() => SubjectReport)
export class ReportsResolver {
  constructor(
    private readonly reports: ReportsService,
    private readonly notifier: ProgressNotifier,
    private readonly cycles: CyclesService,
  ) {}

  @Mutation(() => Cycle, { description: 'HR: release a closed cycle\'s results to each subject and their manager.' })
  async releaseResults(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Cycle> {
    await this.reports.release(viewer, cycleId);
    return this.cycles.get(viewer, cycleId);
  }

  @Query(() => SubjectReport, {
    nullable: true,
    description: "A subject's report: HR (live figures); the subject and their manager after release. Null until the first response is scored.",
  })
  subjectReport(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('resultSet', { nullable: true, description: 'HR: a rescore id to read a rescored result set' }) resultSet?: string,
  ): Promise<SubjectReport | null> {
    return this.reports.find(viewer, cycleId, subjectId, resultSet);
  }

  @Query(() => [String], { description: "HR: the cycle's result sets: 'live' and one per rescore." })
  resultSets(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<string[]> {
    return this.reports.resultSets(viewer, cycleId);
  }

  @Query(() => Heatmap, { description: 'HR: subjects × dimensions, with fit to the role profile.' })
  cycleHeatmap(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Heatmap> {
    return this.reports.cycleHeatmap(viewer, cycleId);
  }

  @Query(() => Heatmap, { description: "A manager's leaders in this cycle, after release." })
  teamReport(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Heatmap> {
    return this.reports.teamReport(viewer, cycleId);
  }

  @Query(() => String, { description: "HR: the cycle's figures as CSV (suppressed groups without means)." })
  cycleResultsCsv(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<string> {
    return this.reports.exportCsv(viewer, cycleId);
  }

  @Subscription(() => SubjectReport, {
    nullable: true,
    description: "A subject's report, again whenever it changes (same access rules as subjectReport).",
    filter: (payload: { cycleId: string; subjectId: string }, variables: { cycleId: string; subjectId: string }) =>
      payload.cycleId === variables.cycleId && payload.subjectId === variables.subjectId,
    resolve: function (this: ReportsResolver, _payload: unknown, args: { cycleId: string; subjectId: string }, context: { leaderscope?: { viewer: Viewer } }) {
      return this.reports.find(context.leaderscope!.viewer, args.cycleId, args.subjectId);
    },
  })
  async subjectReportChanged(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ) {
    await this.reports.find(viewer, cycleId, subjectId); // access check before subscribing
    return this.notifier.pubsub.asyncIterableIterator(REPORT_CHANGED);
  }
}

