import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { PeopleFilterInput, PeopleSort, PeopleSortKey, Person, PersonPage } from './dto/person.model';
import { PeopleFilter, PeopleRepository } from './people.repository';

/** The organisation directory, searched and paged. */
@Injectable()
export class ListPeopleUseCase {
  constructor(private readonly people: PeopleRepository) {}

  execute(viewer: Viewer, filter: PeopleFilter, limit?: number, offset?: number): Promise<Person[]> {
    return this.people.list(viewer.organisationId, filter, limit, offset);
  }

  /** A page of the directory (or of one cycle's subjects) with cursors (keyset paging), filtered and sorted in PostgreSQL. */
  async page(
    viewer: Viewer,
    options: { first?: number; after?: string; filter?: PeopleFilterInput; sort?: PeopleSort },
    scope: { cycleId?: string } = {},
  ): Promise<PersonPage> {
    const request = pageRequest(
      options.first ?? 100,
      options.after,
      options.sort?.by ?? PeopleSortKey.NAME,
      options.sort?.direction ?? SortDirection.ASC,
    );
    const { rows, total } = await this.people.page(viewer.organisationId, { ...options.filter, ...scope }, request);
    const { nodes, pageInfo } = toPage(rows as (Person & { sortKey: string })[], request, (p) => ({ key: p.sortKey, id: p.id }));
    return { nodes: nodes.map(({ sortKey: _key, ...person }) => person), totalCount: total, pageInfo };
  }
}
