import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PeopleRepository } from '../people/people.repository';
import { AccountsRepository } from './accounts.repository';
import { AuthService } from './auth.service';

/** Creates an organisation with its first HR administrator (used by the CLI, the demo seed and tests). */
export async function provisionOrganisation(
  dataSource: DataSource,
  input: { name: string; hrEmail: string; hrPassword: string },
): Promise<{ organisationId: string; accountId: string }> {
  if (input.hrPassword.length < 10) throw new Error('the HR password must have at least 10 characters');
  const accounts = new AccountsRepository(dataSource);
  const organisationId = randomUUID();
  const accountId = randomUUID();
  const passwordHash = await AuthService.hashPassword(input.hrPassword);
  await accounts.transaction(async (manager) => {
    await accounts.insertOrganisation(manager, { id: organisationId, name: input.name });
    await accounts.insert(
      { id: accountId, organisationId, personId: null, email: input.hrEmail.toLowerCase(), passwordHash, isHrAdmin: true },
      manager,
    );
  });
  return { organisationId, accountId };
}

/** Gives an existing person of the organisation a sign-in with a known password (demo seed, tests). */
export async function addAccount(
  dataSource: DataSource,
  input: { organisationId: string; personEmail: string; password: string; hrAdmin?: boolean },
): Promise<string> {
  const person = await new PeopleRepository(dataSource).findByEmail(input.organisationId, input.personEmail);
  if (!person?.email) throw new Error(`no person with e-mail ${input.personEmail}`);
  const id = randomUUID();
  await new AccountsRepository(dataSource).insert({
    id,
    organisationId: input.organisationId,
    personId: person.id,
    email: person.email,
    passwordHash: await AuthService.hashPassword(input.password),
    isHrAdmin: input.hrAdmin ?? false,
  });
  return id;
}
