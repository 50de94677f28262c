import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { AccessService } from '../cycles/access.service';
import { ImportPeopleResult, Person } from './dto/person.model';
import { PeopleService } from './people.service';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly peopleService: PeopleService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [Person], { description: 'The organisation directory (HR).' })
  people(
    @CurrentViewer() viewer: Viewer,
    @Args('search', { nullable: true }) search?: string,
    @Args('leadersOfLeadersOnly', { nullable: true, description: 'Only people whose reports have reports' }) leadersOfLeadersOnly?: boolean,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 500 }) limit?: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset?: number,
  ): Promise<Person[]> {
    this.access.requireHr(viewer);
    return this.peopleService.list(viewer.organisationId, { search, leadersOfLeadersOnly }, limit, offset);
  }

  @Mutation(() => ImportPeopleResult, {
    description: 'Import people and reporting lines from CSV (employee_id, name, email, manager_id, title, department). Preview by default.',
  })
  importPeople(
    @CurrentViewer() viewer: Viewer,
    @Args('csv') csv: string,
    @Args('dryRun', { defaultValue: true }) dryRun: boolean,
  ): Promise<ImportPeopleResult> {
    this.access.requireHr(viewer);
    return this.peopleService.importPeople(viewer, csv, dryRun);
  }
}
