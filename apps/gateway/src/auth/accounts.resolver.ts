import { Args, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InputError } from '../common/errors';
import { AccessService } from '../cycles/access.service';
import { PersonEntity } from '../people/person.entity';
import { AccountEntity } from './account.entity';
import { AuthService } from './auth.service';
import { CurrentViewer, Viewer } from './viewer';

@ObjectType({ description: 'A new sign-in. Share the temporary password with the person; it is shown once.' })
export class AccountSetup {
  @Field(() => ID)
  accountId!: string;

  @Field()
  email!: string;

  @Field()
  temporaryPassword!: string;
}

@Resolver()
export class AccountsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  @Mutation(() => AccountSetup, { description: 'HR: give a person (a leader or manager) a sign-in with a temporary password.' })
  async createAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('hrAdmin', { defaultValue: false }) hrAdmin: boolean,
  ): Promise<AccountSetup> {
    this.access.requireHr(viewer);
    const person = /^[0-9a-f-]{36}$/i.test(personId)
      ? await this.dataSource.getRepository(PersonEntity).findOneBy({ id: personId, organisationId: viewer.organisationId })
      : null;
    if (!person) throw new InputError([{ field: 'personId', message: 'no such person in this organisation' }]);
    if (!person.email) throw new InputError([{ field: 'personId', message: `${person.name} has no e-mail address in the directory` }]);
    const taken = await this.dataSource.getRepository(AccountEntity).createQueryBuilder('a').where('lower(a.email) = lower(:email)', { email: person.email }).getExists();
    if (taken) throw new ConflictError(`${person.email} already has an account`);
    const temporaryPassword = randomBytes(12).toString('base64url');
    const accountId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AccountEntity).insert({
        id: accountId,
        organisationId: viewer.organisationId,
        personId: person.id,
        email: person.email!,
        passwordHash: await AuthService.hashPassword(temporaryPassword),
        isHrAdmin: hrAdmin,
      });
      await this.audit.record(manager, { organisationId: viewer.organisationId, accountId: viewer.accountId, action: 'account.created', target: `person:${person.id}`, detail: { hrAdmin } });
    });
    return { accountId, email: person.email, temporaryPassword };
  }
}
