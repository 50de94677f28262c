import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { PeopleRepository } from '../people/people.repository';
import { AccountsRepository } from './accounts.repository';
import { Me, Role } from './dto/auth.model';

/** The signed-in account, its person and roles. */
@Injectable()
export class DescribeMeUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer): Promise<Me> {
    const organisation = await this.accounts.organisation(viewer.organisationId);
    const person = viewer.personId ? ((await this.people.byIds(viewer.organisationId, [viewer.personId]))[0] ?? null) : null;
    const roles: Role[] = [];
    if (viewer.isHrAdmin) roles.push(Role.HR_ADMIN);
    if (viewer.personId) {
      const { subject, manager, coach } = await this.accounts.roleFacts(viewer.personId);
      if (subject) roles.push(Role.LEADER);
      if (manager) roles.push(Role.MANAGER);
      if (coach) roles.push(Role.COACH);
    }
    return {
      accountId: viewer.accountId,
      email: viewer.email,
      organisation: { id: organisation!.id, name: organisation!.name },
      person,
      roles,
    };
  }
}
