import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { ImportPeopleResult, Person } from './dto/person.model';
import { ImportPeopleUseCase } from './import-people.use-case';
import { ListPeopleUseCase } from './list-people.use-case';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly listPeople: ListPeopleUseCase,
    private readonly importPeopleUseCase: ImportPeopleUseCase,
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
  @Mutation(() => ImportPeopleResult, {
    description: 'Import people and reporting lines from CSV (employee_id, name, email, manager_id, title, department). Preview by default.',
  })
  importPeople(
    @CurrentViewer() viewer: Viewer,
    @Args('csv') csv: string,
    @Args('dryRun', { defaultValue: true }) dryRun: boolean,
  ): Promise<ImportPeopleResult> {
    return this.importPeopleUseCase.execute(viewer, csv, dryRun);
  }
}
