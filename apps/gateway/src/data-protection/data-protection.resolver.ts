import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { PersonDataExport, PersonErasure } from './dto/person-data.model';
import { ErasePersonUseCase } from './erase-person.use-case';
import { ExportPersonDataUseCase } from './export-person-data.use-case';

@Resolver()
export class DataProtectionResolver {
  constructor(
    private readonly exportData: ExportPersonDataUseCase,
    private readonly erase: ErasePersonUseCase,
  ) {}

  @HrOnly()
  @Query(() => PersonDataExport, {
    description: 'HR: everything held about a person (a data-subject access request), without their answers. Audited.',
  })
  personDataExport(@CurrentViewer() viewer: Viewer, @Args('personId', { type: () => ID }) personId: string): Promise<PersonDataExport> {
    return this.exportData.execute(viewer, personId);
  }

  @HrOnly()
  @Mutation(() => PersonErasure, {
    description: 'HR: erase a person: name, e-mail and sign-in go; past answers stay only anonymised; reports do not change. Audited.',
  })
  erasePerson(@CurrentViewer() viewer: Viewer, @Args('personId', { type: () => ID }) personId: string): Promise<PersonErasure> {
    return this.erase.execute(viewer, personId);
  }
}
