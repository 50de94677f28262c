import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { PeopleRepository } from '../people/people.repository';
import { AccountsRepository } from './accounts.repository';
import { AuthService } from './auth.service';
import { AccountSetup } from './dto/account-setup.model';

/** HR gives a person (a leader or manager) a sign-in with a temporary password, shown once. */
@Injectable()
export class CreateAccountUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, personId: string, hrAdmin: boolean): Promise<AccountSetup> {
    const person = isUuid(personId) ? await this.people.findOne(viewer.organisationId, personId) : null;
    if (!person) throw new InputError([{ field: 'personId', message: 'no such person in this organisation', code: 'unknownPerson' }]);
    const email = person.email;
    if (!email) throw new InputError([{ field: 'personId', message: `${person.name} has no e-mail address in the directory` }]);
    if (await this.accounts.emailTaken(email)) throw new ConflictError(`${email} already has an account`, { reason: 'accountExists' });
    const temporaryPassword = randomBytes(12).toString('base64url');
    const accountId = randomUUID();
    const passwordHash = await AuthService.hashPassword(temporaryPassword);
    await this.accounts.transaction(async (manager) => {
      await this.accounts.insert(
        { id: accountId, organisationId: viewer.organisationId, personId: person.id, email, passwordHash, isHrAdmin: hrAdmin },
        manager,
      );
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'account.created',
        target: `person:${person.id}`,
        detail: { hrAdmin },
      });
    });
    return { accountId, email, temporaryPassword };
  }
}
