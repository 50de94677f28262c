import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { ApproveNominationsUseCase } from './approve-nominations.use-case';
import { NominateRaterInput } from './dto/nominate-rater.input';
import { Nomination, NominationFilter, NominationPage, NominationSort } from './dto/nomination.model';
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
  @Mutation(() => [Nomination], { description: 'HR: propose raters from reporting lines for one subject or all.' })
  proposeRaters(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string,
  ): Promise<Nomination[]> {
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

  @Mutation(() => [Nomination], {
    description:
      "The subject's manager (or HR) approves the subject's raters; without subjectId, HR approves every subject's proposed raters.",
  })
  approveNominations(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID, nullable: true, description: 'Omitted: every subject of the cycle (HR only)' })
    subjectId?: string | null,
  ): Promise<Nomination[]> {
    return this.approve.execute(viewer, cycleId, subjectId ?? null);
  }
}
