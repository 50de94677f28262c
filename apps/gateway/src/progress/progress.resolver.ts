import { Args, ID, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { LiveUpdates, PROGRESS_CHANGED } from '../common/live-updates';
import { CycleProgress, ProgressFilter, ProgressSort, SubjectProgressPage } from './dto/progress.model';
import { GetProgressUseCase } from './get-progress.use-case';

@Resolver(() => CycleProgress)
export class ProgressResolver {
  constructor(
    private readonly progress: GetProgressUseCase,
    private readonly live: LiveUpdates,
  ) {}

  @HrOnly()
  @Query(() => CycleProgress, { description: 'HR: invited, started and submitted per subject and group; who has not answered.' })
  cycleProgress(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<CycleProgress> {
    return this.progress.execute(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => SubjectProgressPage, {
    description:
      'HR: the progress per subject and group, with who has not answered, a page at a time, filtered and sorted on the server, paged with cursors.',
  })
  cycleProgressSubjects(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => ProgressFilter, nullable: true }) filter?: ProgressFilter,
    @Args('sort', { type: () => ProgressSort, nullable: true, description: 'Default: by name, ascending' }) sort?: ProgressSort,
  ): Promise<SubjectProgressPage> {
    return this.progress.page(viewer, cycleId, { first, after, filter, sort });
  }

  @HrOnly()
  @Subscription(() => CycleProgress, {
    description: 'HR: the cycle progress, again whenever it changes.',
    filter: (payload: { cycleId: string }, variables: { cycleId: string }) => payload.cycleId === variables.cycleId,
    resolve: function (
      this: ProgressResolver,
      _payload: unknown,
      args: { cycleId: string },
      context: { leaderscope?: { viewer: Viewer } },
    ) {
      return this.progress.execute(context.leaderscope!.viewer, args.cycleId);
    },
  })
  async cycleProgressChanged(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string) {
    await this.progress.execute(viewer, cycleId); // the cycle must be the viewer's before subscribing
    return this.live.pubsub.asyncIterableIterator(PROGRESS_CHANGED);
  }
}
