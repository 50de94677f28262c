import { Module } from '@nestjs/common';
import { InstrumentsResolver } from './instruments.resolver';

/** The instruments, versions and role profiles a cycle can use (from @leaderscope/framework, no database). */
@Module({ providers: [InstrumentsResolver] })
export class InstrumentsModule {}
