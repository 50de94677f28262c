import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AuthResolver } from './auth.resolver';

@Module({ providers: [AuthResolver, AccountsResolver] })
export class AuthModule {}
