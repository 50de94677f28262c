import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { OutboxMailFilter, OutboxMailPage, RaterMailDelivery, RenderedOutboxMail, SurveyToAnswer } from './dto/notifications.model';
import { MailDeliveryFilter, MailDeliverySort, MailDeliveryTotal, RaterMailDeliveryPage } from './dto/mail-delivery-page.model';
import { ListMailDeliveriesUseCase } from './list-mail-deliveries.use-case';
import { ListMailOutboxUseCase, OpenOutboxMailUseCase } from './mail-outbox.use-cases';
import { RequestNominationApprovalUseCase, RequestNominationsUseCase } from './nomination-requests.use-cases';
import { ResendInvitationUseCase } from './resend-invitation.use-case';
import { ExportSurveyLinksUseCase, ListMySurveysUseCase } from './survey-links.use-cases';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly deliveries: ListMailDeliveriesUseCase,
    private readonly resend: ResendInvitationUseCase,
    private readonly outbox: ListMailOutboxUseCase,
    private readonly openMail: OpenOutboxMailUseCase,
    private readonly surveys: ListMySurveysUseCase,
    private readonly links: ExportSurveyLinksUseCase,
    private readonly nominations: RequestNominationsUseCase,
    private readonly approval: RequestNominationApprovalUseCase,
  ) {}

  @HrOnly()
  @Query(() => [RaterMailDelivery], {
    description:
      "HR: each rater's invitation and latest reminder delivery (queued, sent, deferred, failed with the reason…); never a link.",
    deprecationReason: 'Every rater of the cycle at once (150,000 at 10,000 leaders): use cycleMailDeliveryPage.',
  })
  cycleMailDeliveries(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<RaterMailDelivery[]> {
    return this.deliveries.execute(viewer, cycleId);
  }

  @HrOnly()
  @Query(() => RaterMailDeliveryPage, {
    description:
      "HR: each rater's invitation and latest reminder delivery a page at a time, filtered and sorted on the server, paged with cursors (the cycle's totals per status: cycleMailDeliveryTotals); never a link.",
  })
  cycleMailDeliveryPage(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => MailDeliveryFilter, nullable: true }) filter?: MailDeliveryFilter,
    @Args('sort', { type: () => MailDeliverySort, nullable: true, description: 'Default: by subject, ascending' }) sort?: MailDeliverySort,
  ): Promise<RaterMailDeliveryPage> {
    return this.deliveries.page(viewer, cycleId, { first, after, filter, sort });
  }

  @HrOnly()
  @Query(() => [MailDeliveryTotal], {
    description:
      "HR: per mail (invitation, latest reminder) and status, how many of the cycle's raters (`none`: no such mail yet), so HR sees '12 failed' without paging. Reads every mail of the cycle: ask for it less often than the page.",
  })
  cycleMailDeliveryTotals(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
  ): Promise<MailDeliveryTotal[]> {
    return this.deliveries.totals(viewer, cycleId);
  }

  @HrOnly()
  @Mutation(() => Boolean, { description: "HR: send one rater's invitation again (same link). Audited." })
  resendInvitation(@CurrentViewer() viewer: Viewer, @Args('assignmentId', { type: () => ID }) assignmentId: string): Promise<boolean> {
    return this.resend.execute(viewer, assignmentId);
  }

  @HrOnly()
  @Query(() => OutboxMailPage, {
    description:
      "HR: the mails the platform would have sent (no mail server configured), newest first, a page at a time: the organisation's, or one cycle's. Each page audited.",
  })
  mailOutbox(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID, nullable: true, description: "One cycle's mails (omitted: every cycle's)" }) cycleId?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => OutboxMailFilter, nullable: true }) filter?: OutboxMailFilter,
  ): Promise<OutboxMailPage> {
    return this.outbox.execute(viewer, cycleId, { first, after, filter });
  }

  @HrOnly()
  @Query(() => RenderedOutboxMail, { description: 'HR: one mail from the mail outbox, rendered with its link. Audited.' })
  mailOutboxMessage(@CurrentViewer() viewer: Viewer, @Args('mailId', { type: () => ID }) mailId: string): Promise<RenderedOutboxMail> {
    return this.openMail.execute(viewer, mailId);
  }

  @Query(() => [SurveyToAnswer], {
    description: 'The signed-in person: surveys they are asked to answer and have not submitted, in open cycles.',
  })
  mySurveys(@CurrentViewer() viewer: Viewer): Promise<SurveyToAnswer[]> {
    return this.surveys.execute(viewer);
  }

  @HrOnly()
  @Query(() => String, {
    description:
      'HR: one CSV of the survey links of raters who have not submitted and have no e-mail address (everyone else gets theirs by mail). Audited.',
  })
  surveyLinksCsv(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<string> {
    return this.links.execute(viewer, cycleId);
  }

  @HrOnly()
  @Mutation(() => Int, {
    description: 'HR: ask every subject of a draft cycle, by mail, to choose their peers and partners. Returns how many were asked.',
  })
  requestNominations(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<number> {
    return this.nominations.execute(viewer, cycleId);
  }

  @Mutation(() => Boolean, { description: "The subject (or HR): ask the subject's manager, by mail, to approve the chosen raters." })
  requestNominationApproval(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<boolean> {
    return this.approval.execute(viewer, cycleId, subjectId);
  }
}

@Resolver(() => OutboxMailPage)
export class OutboxMailPageResolver {
  constructor(private readonly outbox: ListMailOutboxUseCase) {}

  @ResolveField(() => Int, {
    description:
      "Mails matching the filter, over all pages: counted only when asked for, an index-only count of every one of them (0.1 s for a large cycle's 300,000): ask for it once, not with every page",
  })
  totalCount(@Parent() page: OutboxMailPage): Promise<number> {
    return this.outbox.count(page);
  }
}
