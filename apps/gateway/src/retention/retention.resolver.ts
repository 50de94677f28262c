import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { ResponseRetention } from './dto/retention.model';
import { GetRetentionUseCase } from './get-retention.use-case';
import { SetRetentionUseCase } from './set-retention.use-case';

@Resolver()
export class RetentionResolver {
  constructor(
    private readonly get: GetRetentionUseCase,
    private readonly set: SetRetentionUseCase,
  ) {}

  @HrOnly()
  @Query(() => ResponseRetention, { description: 'HR: how long raw answers of closed cycles are kept, and when each is deleted.' })
  responseRetention(@CurrentViewer() viewer: Viewer): Promise<ResponseRetention> {
    return this.get.execute(viewer);
  }

  @HrOnly()
  @Mutation(() => ResponseRetention, {
    description:
      'HR: delete raw answers and comments `months` after a cycle closes (1–240), or keep them (null). Reports stay as they are. Audited.',
  })
  setResponseRetention(
    @CurrentViewer() viewer: Viewer,
    @Args('months', { type: () => Int, nullable: true }) months: number | null,
  ): Promise<ResponseRetention> {
    return this.set.execute(viewer, months ?? null);
  }
}
