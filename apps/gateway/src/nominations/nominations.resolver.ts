import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputError } from '../common/errors';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { ApproveNominationsUseCase } from './approve-nominations.use-case';
import { NominateRaterInput } from './dto/nominate-rater.input';
import { Nomination, NominationFilter, NominationPage, NominationSort, NominationSummary } from './dto/nomination.model';
import { ListNominationsUseCase } from './list-nominations.use-case';
import { NominationView } from './nomination-view';
import { Person } from '../people/dto/person.model';
import { NominateRaterUseCase } from './nominate-rater.use-case';
import { ProposeRatersUseCase } from './propose-raters.use-case';

@Resolver(() => Nomination)
export class NominationsResolver {
  constructor(
    private readonly propose: ProposeRatersUseCase,
    private readonly list: ListNominationsUseCase,
    private readonly nominate: NominateRaterUseCase,
    private readonly approve: ApproveNominationsUseCase,
    private readonly view: NominationView,
  ) {}

  /** Read only when asked for, for all the nominations of the answer at once (`NominationView`). */
  @ResolveField(() => Person)
  rater(@Parent() nomination: Nomination): Promise<Person> {
    return this.view.raterOf(nomination);
  }

  @ResolveField(() => Person, { description: 'The leader being reviewed' })
  subject(@Parent() nomination: Nomination): Promise<Person> {
    return this.view.subjectOf(nomination);
  }

  @HrOnly()
  @Mutation(() => NominationSummary, {
    description: 'HR: propose raters from reporting lines for one subject or all. Answers what was proposed, as counts.',
  })
  proposeRaters(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string,
  ): Promise<NominationSummary> {
    return this.propose.execute(viewer, cycleId, subjectId);
  }

  @Query(() => [Nomination], { description: 'Nominations of a cycle (HR) or of one subject (HR, the subject, their manager).' })
  nominations(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string,
  ): Promise<Nomination[]> {
    return this.list.execute(viewer, cycleId, subjectId ?? null);
  }

  @Query(() => NominationPage, {
    description:
      "Nominations a page at a time, filtered and sorted on the server, paged with cursors: a cycle's (HR) or, filtered on one subject, that subject's (HR, the subject, their manager).",
  })
  nominationPage(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => NominationFilter, nullable: true }) filter?: NominationFilter,
    @Args('sort', { type: () => NominationSort, nullable: true, description: 'Default: by subject, ascending' }) sort?: NominationSort,
  ): Promise<NominationPage> {
    return this.list.page(viewer, cycleId, { first, after, filter, sort });
  }

  @Mutation(() => [Nomination], { description: 'Add or remove a rater. The subject may nominate peers and partners; HR anyone.' })
  nominateRater(@CurrentViewer() viewer: Viewer, @Args('input') input: NominateRaterInput): Promise<Nomination[]> {
    return this.nominate.execute(viewer, input);
  }

  @Mutation(() => NominationSummary, {
    description:
      "The subject's manager (or HR) approves the subject's raters; without subjectId, HR approves every subject's proposed raters. Answers what was approved, as counts.",
  })
  approveNominations(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true, description: 'Omitted: every subject of the cycle (HR only)' })
    subjectId?: string | null,
  ): Promise<NominationSummary> {
    return this.approve.execute(viewer, cycleId, subjectId ?? null);
  }
}

/** The nominations of a one-subject summary, read only when the query asks for them. */
@Resolver(() => NominationSummary)
export class NominationSummaryResolver {
  constructor(private readonly view: NominationView) {}

  @ResolveField(() => [Nomination], {
    description:
      "The subject's nominations after the call; only for a call with subjectId (a whole cycle's are read a page at a time with nominationPage)",
  })
  nominations(@Parent() summary: NominationSummary): Promise<Nomination[]> {
    if (summary.subjectId === null)
      throw new InputError([
        { field: 'nominations', message: 'is answered for one subject only (subjectId); read a whole cycle with nominationPage' },
      ]);
    return this.view.of(summary.organisationId, summary.cycleId, summary.subjectId);
  }
}
