import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { Cycle } from '../cycles/dto/cycle.model';
import { RaterInvitation } from './dto/invitation.model';
import { LaunchCycleUseCase } from './launch-cycle.use-case';
import { ListInvitationsUseCase } from './list-invitations.use-case';
import { RevokeInvitationUseCase } from './revoke-invitation.use-case';
import { SendRemindersUseCase } from './send-reminders.use-case';

@Resolver(() => RaterInvitation)
export class InvitationsResolver {
  constructor(
    private readonly launch: LaunchCycleUseCase,
    private readonly list: ListInvitationsUseCase,
    private readonly revoke: RevokeInvitationUseCase,
    private readonly remind: SendRemindersUseCase,
  ) {}

  @HrOnly()
  @Mutation(() => Cycle, { description: 'HR: check group minimums, create survey links and invite every rater.' })
  launchCycle(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Cycle> {
    return this.launch.execute(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => [RaterInvitation], {
    description:
      'HR: the survey links of raters who have not submitted and have no e-mail address (everyone else gets theirs by mail). Audited.',
  })
  raterInvitations(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<RaterInvitation[]> {
    return this.list.execute(viewer, cycleId);
  }

  @HrOnly()
  @Mutation(() => Boolean, { description: "HR: revoke one rater's survey link; returns false if it was revoked already." })
  revokeInvitation(@CurrentViewer() viewer: Viewer, @Args('assignmentId', { type: () => ID }) assignmentId: string): Promise<boolean> {
    return this.revoke.execute(viewer, assignmentId);
  }

  @HrOnly()
  @Mutation(() => Int, { description: 'HR: remind everyone who has not submitted; returns how many.' })
  sendReminders(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<number> {
    return this.remind.execute(viewer, cycleId);
  }
}
