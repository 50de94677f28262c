import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { IMPORT_PROGRESS, ImportProgressMessage, LiveUpdates } from '../common/live-updates';
import { HrOnly } from '../access/hr-only.guard';
import { COLLEAGUE_SEARCHES_PER_MINUTE } from '../accounts/rate-limits.service';
import { CurrentViewer, Viewer } from '../access/viewer';
import { ColleaguePage } from './dto/colleague.model';
import { ImportPeopleResult, ImportProgress, PeopleFilterInput, PeopleSort, Person, PersonPage } from './dto/person.model';
import { ImportPeopleUseCase } from './import-people.use-case';
import { ListPeopleUseCase } from './list-people.use-case';
import { SearchColleaguesUseCase } from './search-colleagues.use-case';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly listPeople: ListPeopleUseCase,
    private readonly importPeopleUseCase: ImportPeopleUseCase,
    private readonly live: LiveUpdates,
    private readonly searchColleagues: SearchColleaguesUseCase,
  ) {}

  @HrOnly()
  @Query(() => [Person], { description: 'The organisation directory (HR).' })
  people(
    @CurrentViewer() viewer: Viewer,
    @Args('search', { nullable: true }) search?: string,
    @Args('leadersOfLeadersOnly', { nullable: true, description: 'Only people whose reports have reports' }) leadersOfLeadersOnly?: boolean,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 500 }) limit?: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset?: number,
  ): Promise<Person[]> {
    return this.listPeople.execute(viewer, { search, leadersOfLeadersOnly }, limit, offset);
  }

  @HrOnly()
  @Query(() => PersonPage, {
    description: 'The organisation directory (HR), a page at a time: filtered and sorted on the server, paged with cursors.',
  })
  directory(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 500 (default 100)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
    @Args('filter', { type: () => PeopleFilterInput, nullable: true }) filter?: PeopleFilterInput,
    @Args('sort', { type: () => PeopleSort, nullable: true, description: 'Default: by name, ascending' }) sort?: PeopleSort,
  ): Promise<PersonPage> {
    return this.listPeople.page(viewer, { first, after, filter, sort });
  }

  @Query(() => ColleaguePage, {
    description: `A leader reviewed in a cycle that is being set up: colleagues of their organisation whose name contains the search, to propose as peers or partners. Name, title and department only; at most ${COLLEAGUE_SEARCHES_PER_MINUTE} searches a minute.`,
  })
  colleagues(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID, description: 'The cycle the leader proposes raters in' }) cycleId: string,
    @Args('search', { description: 'At least 2 characters of a name' }) search: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, at most 50 (default 20)' }) first?: number,
    @Args('after', { nullable: true, description: "The previous page's pageInfo.endCursor" }) after?: string,
  ): Promise<ColleaguePage> {
    return this.searchColleagues.execute(viewer, cycleId, search, first, after);
  }

  @HrOnly()
  @Mutation(() => ImportPeopleResult, {
    description:
      'Import people and reporting lines from CSV (employee_id, name, email, manager_id, title, department). Preview by default.',
  })
  importPeople(
    @CurrentViewer() viewer: Viewer,
    @Args('csv') csv: string,
    @Args('dryRun', { defaultValue: true }) dryRun: boolean,
    @Args('importId', { type: () => ID, nullable: true, description: 'Any new id: progress is announced on importProgress(importId)' })
    importId?: string,
  ): Promise<ImportPeopleResult> {
    return this.importPeopleUseCase.execute(viewer, csv, dryRun, importId);
  }

  @HrOnly()
  @Subscription(() => ImportProgress, {
    description: 'HR: how far the import with this importId has got (subscribe before sending it).',
    filter: (payload: ImportProgressMessage, variables: { importId: string }, context: { leaderscope?: { viewer?: Viewer } }) =>
      payload.importId === variables.importId && payload.organisationId === context.leaderscope?.viewer?.organisationId,
    resolve: (payload: ImportProgressMessage) => payload,
  })
  importProgress(@Args('importId', { type: () => ID }) _importId: string) {
    return this.live.pubsub.asyncIterableIterator(IMPORT_PROGRESS);
  }
}
