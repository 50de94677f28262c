import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { PeopleFilterInput, PeopleSort, PersonPage } from '../people/dto/person.model';
import { ListPeopleUseCase } from '../people/list-people.use-case';

/**
 * The leaders reviewed in a cycle, a page at a time, filtered and sorted in PostgreSQL like the
 * directory. Seen by whoever may see the cycle (as `Cycle.subjects`, which stays for small cycles).
 */
@Injectable()
export class ListCycleSubjectsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly people: ListPeopleUseCase,
  ) {}

  async execute(
    viewer: Viewer,
    cycleId: string,
    options: { first?: number; after?: string; filter?: PeopleFilterInput; sort?: PeopleSort },
  ): Promise<PersonPage> {
    const cycle = await this.access.visibleCycle(viewer, cycleId);
    return this.people.page(viewer, options, { cycleId: cycle.id });
  }
}
