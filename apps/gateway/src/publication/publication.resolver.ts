import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { Cycle } from '../cycles/dto/cycle.model';
import { GetCycleUseCase } from '../cycles/get-cycle.use-case';
import { ReleaseResultsUseCase } from './release-results.use-case';

@Resolver()
export class PublicationResolver {
  constructor(
    private readonly release: ReleaseResultsUseCase,
    private readonly getCycle: GetCycleUseCase,
  ) {}

  @HrOnly()
  @Mutation(() => Cycle, { description: "HR: release a closed cycle's results to each subject and their manager." })
  async releaseResults(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Cycle> {
    await this.release.execute(viewer, cycleId);
    return this.getCycle.execute(viewer, cycleId);
  }
}
