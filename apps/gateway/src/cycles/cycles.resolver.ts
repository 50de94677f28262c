import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { AddSubjectsUseCase } from './add-subjects.use-case';
import { CloseCycleUseCase } from './close-cycle.use-case';
import { CreateCycleUseCase } from './create-cycle.use-case';
import { CreateCycleInput } from './dto/cycle.input';
import { Person } from '../people/dto/person.model';
import { CycleView } from './cycle-view';
import { Cycle, RescoreRequest } from './dto/cycle.model';
import { PeopleFilterInput, PeopleSort, PersonPage } from '../people/dto/person.model';
import { GetCycleUseCase } from './get-cycle.use-case';
import { ListCycleSubjectsUseCase } from './list-cycle-subjects.use-case';
import { ListCyclesUseCase } from './list-cycles.use-case';
import { RescoreCycleUseCase } from './rescore-cycle.use-case';
import { SetCommentThresholdUseCase } from './set-comment-threshold.use-case';

@Resolver(() => Cycle)
export class CyclesResolver {
  constructor(
    private readonly listCycles: ListCyclesUseCase,
    private readonly getCycle: GetCycleUseCase,
    private readonly listSubjects: ListCycleSubjectsUseCase,
    private readonly createCycleUseCase: CreateCycleUseCase,
    private readonly addSubjectsUseCase: AddSubjectsUseCase,
    private readonly closeCycleUseCase: CloseCycleUseCase,
    private readonly rescoreCycleUseCase: RescoreCycleUseCase,
    private readonly setCommentThresholdUseCase: SetCommentThresholdUseCase,
    private readonly view: CycleView,
  ) {}

  /** The subjects, read here when the use-case left them out (`CycleView.of(…, { subjects: false })`). */
  @ResolveField(() => [Person])
  subjects(@Parent() cycle: Cycle): Promise<Person[]> {
    return this.view.subjectsOf(cycle);
  }

  @Query(() => [Cycle], { description: 'HR: every cycle of the organisation. Leaders and managers: the cycles they take part in.' })
  cycles(@CurrentViewer() viewer: Viewer): Promise<Cycle[]> {
    return this.listCycles.execute(viewer);
  }

  @Query(() => Cycle)
  cycle(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<Cycle> {
    return this.getCycle.execute(viewer, id);
  }

  @Query(() => PersonPage, {
    description:
      'The leaders reviewed in a cycle, a page at a time: filtered and sorted on the server, paged with cursors (whoever may see the cycle).',
  })
  cycleSubjects(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => PeopleFilterInput, nullable: true }) filter?: PeopleFilterInput,
    @Args('sort', { type: () => PeopleSort, nullable: true, description: 'Default: by name, ascending' }) sort?: PeopleSort,
  ): Promise<PersonPage> {
    return this.listSubjects.execute(viewer, cycleId, { first, after, filter, sort });
  }

  @HrOnly()
  @Mutation(() => Cycle, { description: 'HR: create a cycle in draft.' })
  createCycle(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateCycleInput): Promise<Cycle> {
    return this.createCycleUseCase.execute(viewer, input);
  }

  @HrOnly()
  @Mutation(() => Cycle, { description: 'HR: add leaders to be reviewed (see people(leadersOfLeadersOnly: true) for suggestions).' })
  addSubjects(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<Cycle> {
    return this.addSubjectsUseCase.execute(viewer, cycleId, personIds);
  }

  @HrOnly()
  @Mutation(() => Cycle, {
    description:
      "HR, before launch: the cycle's stricter threshold for comments (from its anonymity threshold to 50; null: the same as the anonymity threshold). Audited.",
  })
  setCommentThreshold(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('commentThreshold', { type: () => Int, nullable: true }) commentThreshold: number | null,
  ): Promise<Cycle> {
    return this.setCommentThresholdUseCase.execute(viewer, cycleId, commentThreshold ?? null);
  }

  @HrOnly()
  @Mutation(() => Cycle, { description: 'HR: close the cycle; survey links stop working.' })
  closeCycle(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<Cycle> {
    return this.closeCycleUseCase.execute(viewer, cycleId);
  }

  @HrOnly()
  @Mutation(() => RescoreRequest, {
    description: 'HR: rescore the cycle from stored responses under another instrument version or role profile.',
  })
  rescoreCycle(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('instrumentVersion', { type: () => Int, nullable: true }) instrumentVersion?: number,
    @Args('roleProfileId', { nullable: true }) roleProfileId?: string,
  ): Promise<RescoreRequest> {
    return this.rescoreCycleUseCase.execute(viewer, cycleId, instrumentVersion, roleProfileId);
  }
}
