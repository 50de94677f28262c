import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountEntity } from '../auth/account.entity';
import { AuthService } from '../auth/auth.service';
import { OrganisationEntity } from '../people/organisation.entity';

/** Creates an organisation with its first HR administrator (used by the CLI, the demo seed and tests). */
export async function provisionOrganisation(
  dataSource: DataSource,
  input: { name: string; hrEmail: string; hrPassword: string },
): Promise<{ organisationId: string; accountId: string }> {
  if (input.hrPassword.length < 10) throw new Error('the HR password must have at least 10 characters');
  const organisationId = randomUUID();
  const accountId = randomUUID();
  const passwordHash = await AuthService.hashPassword(input.hrPassword);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(OrganisationEntity).insert({ id: organisationId, name: input.name });
    await manager.getRepository(AccountEntity).insert({
      id: accountId,
      organisationId,
      personId: null,
      email: input.hrEmail.toLowerCase(),
      passwordHash,
      isHrAdmin: true,
    });
  });
  return { organisationId, accountId };
}

/** Gives an existing person of the organisation a sign-in with a known password (demo seed, tests). */
export async function addAccount(
  dataSource: DataSource,
  input: { organisationId: string; personEmail: string; password: string; hrAdmin?: boolean },
): Promise<string> {
  const rows: { id: string; email: string }[] = await dataSource.query(
    `SELECT "id", "email" FROM "gateway"."person" WHERE "organisation_id" = $1 AND lower("email") = lower($2)`,
    [input.organisationId, input.personEmail],
  );
  if (!rows[0]) throw new Error(`no person with e-mail ${input.personEmail}`);
  const id = randomUUID();
  await dataSource.getRepository(AccountEntity).insert({
    id,
    organisationId: input.organisationId,
    personId: rows[0].id,
    email: rows[0].email,
    passwordHash: await AuthService.hashPassword(input.password),
    isHrAdmin: input.hrAdmin ?? false,
  });
  return id;
}
