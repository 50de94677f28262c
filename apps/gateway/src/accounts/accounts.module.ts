import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AuthResolver } from './auth.resolver';
import { CreateAccountUseCase } from './create-account.use-case';
import { DescribeMeUseCase } from './describe-me.use-case';

/** Signing in and out, who the viewer is, and HR creating sign-ins. Sessions live in the global AuthService. */
@Module({ providers: [DescribeMeUseCase, CreateAccountUseCase, AuthResolver, AccountsResolver] })
export class AccountsModule {}
