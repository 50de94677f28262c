import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { CyclesService } from './cycles.service';
import { CreateCycleInput, NominateRaterInput } from './dto/cycle.input';
import { Cycle, CycleProgress, Nomination, RaterInvitation, RescoreRequest } from './dto/cycle.model';
import { PROGRESS_CHANGED, ProgressNotifier } from './progress.notifier';

@Resolver(() => Cycle)
export class CyclesResolver {
  constructor(
    private readonly cyclesService: CyclesService,
    private readonly notifier: ProgressNotifier,
  ) {}

  @Query(() => [Cycle], { description: 'HR: every cycle of the organisation. Leaders and managers: the cycles they take part in.' })
  cycles(@CurrentViewer() viewer: Viewer): Promise<Cycle[]> {
    return this.cyclesService.list(viewer);
  }

  @Query(() => Cycle)
  cycle(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<Cycle> {
    return this.cyclesService.get(viewer, id);
  }

  @Mutation(() => Cycle, { description: 'HR: create a cycle in draft.' })
  createCycle(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateCycleInput): Promise<Cycle> {
    return this.cyclesService.create(viewer, input);
  }

  @Mutation(() => Cycle, { description: 'HR: add leaders to be reviewed (see people(leadersOfLeadersOnly: true) for suggestions).' })
  addSubjects(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<Cycle> {
    return this.cyclesService.addSubjects(viewer, cycleId, personIds);
  }

  @Mutation(() => [Nomination], { description: 'HR: propose raters from reporting lines for one subject or all.' })
  proposeRaters(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string,
  ): Promise<Nomination[]> {
    return this.cyclesService.proposeRaters(viewer, cycleId, subjectId);
  }

  @Query(() => [Nomination], { description: 'Nominations of a cycle (HR) or of one subject (HR, the subject, their manager).' })
  nominations(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string,
  ): Promise<Nomination[]> {
    return this.cyclesService.nominations(viewer, cycleId, subjectId ?? null);
  }

  @Mutation(() => [Nomination], { description: 'Add or remove a rater. The subject may nominate peers and partners; HR anyone.' })
  nominateRater(@CurrentViewer() viewer: Viewer, @Args('input') input: NominateRaterInput): Promise<Nomination[]> {
    return this.cyclesService.nominate(viewer, input);
  }

  @Mutation(() => [Nomination], { description: "The subject's manager (or HR) approves the subject's raters." })
  approveNominations(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<Nomination[]> {
    return this.cyclesService.approve(viewer, cycleId, subjectId);
  }

  @Mutation(() => Cycle, { description: 'HR: check group minimums, create survey links and invite every rater.' })
  launchCycle(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Cycle> {
    return this.cyclesService.launch(viewer, cycleId);
  }

  @Query(() => [RaterInvitation], { description: 'HR: the survey links, for organisations without e-mail. Audited.' })
  raterInvitations(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<RaterInvitation[]> {
    return this.cyclesService.invitations(viewer, cycleId);
  }

  @Mutation(() => Boolean, { description: "HR: revoke one rater's survey link; returns false if it was revoked already." })
  revokeInvitation(@CurrentViewer() viewer: Viewer, @Args('assignmentId', { type: () => ID }) assignmentId: string): Promise<boolean> {
    return this.cyclesService.revokeInvitation(viewer, assignmentId);
  }

  @Query(() => CycleProgress, { description: 'HR: invited, started and submitted per subject and group; who has not answered.' })
  cycleProgress(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<CycleProgress> {
    return this.cyclesService.progressOf(viewer, cycleId);
  }

  @Mutation(() => Int, { description: 'HR: remind everyone who has not submitted; returns how many.' })
  sendReminders(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<number> {
    return this.cyclesService.sendReminders(viewer, cycleId);
  }

  @Mutation(() => Cycle, { description: 'HR: close the cycle; survey links stop working.' })
  closeCycle(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Cycle> {
    return this.cyclesService.close(viewer, cycleId);
  }

  @Mutation(() => RescoreRequest, { description: 'HR: rescore the cycle from stored responses under another instrument version or role profile.' })
  rescoreCycle(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('instrumentVersion', { type: () => Int, nullable: true }) instrumentVersion?: number,
    @Args('roleProfileId', { nullable: true }) roleProfileId?: string,
  ): Promise<RescoreRequest> {
    return this.cyclesService.rescore(viewer, cycleId, instrumentVersion, roleProfileId);
  }

  @Subscription(() => CycleProgress, {
    description: 'HR: the cycle progress, again whenever it changes.',
    filter: (payload: { cycleId: string }, variables: { cycleId: string }) => payload.cycleId === variables.cycleId,
    resolve: function (this: CyclesResolver, _payload: unknown, args: { cycleId: string }, context: { leaderscope?: { viewer: Viewer } }) {
      return this.cyclesService.progressOf(context.leaderscope!.viewer, args.cycleId);
    },
  })
  async cycleProgressChanged(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string) {
    await this.cyclesService.progressOf(viewer, cycleId); // access check before subscribing
    return this.notifier.pubsub.asyncIterableIterator(PROGRESS_CHANGED);
  }
}
