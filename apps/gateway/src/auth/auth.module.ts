import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AuthResolver } from './auth.resolver';
import { InstrumentsResolver } from '../instruments/instruments.resolver';

@Module({ providers: [AuthResolver, AccountsResolver, InstrumentsResolver] })
export class AuthModule {}
