import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { Person } from './dto/person.model';
import { PeopleFilter, PeopleRepository } from './people.repository';

/** The organisation directory, searched and paged. */
@Injectable()
export class ListPeopleUseCase {
  constructor(private readonly people: PeopleRepository) {}

  execute(viewer: Viewer, filter: PeopleFilter, limit?: number, offset?: number): Promise<Person[]> {
    return this.people.list(viewer.organisationId, filter, limit, offset);
  }
}
