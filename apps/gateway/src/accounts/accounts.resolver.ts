import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { CreateAccountUseCase } from './create-account.use-case';
import { AccountSetup } from './dto/account-setup.model';

@Resolver()
export class AccountsResolver {
  constructor(private readonly createAccountUseCase: CreateAccountUseCase) {}

  @HrOnly()
  @Mutation(() => AccountSetup, { description: 'HR: give a person (a leader or manager) a sign-in with a temporary password.' })
  createAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('hrAdmin', { defaultValue: false }) hrAdmin: boolean,
  ): Promise<AccountSetup> {
    return this.createAccountUseCase.execute(viewer, personId, hrAdmin);
  }
}
