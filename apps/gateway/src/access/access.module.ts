import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access.policy';
import { AccessRepository } from './access.repository';
import { HrOnlyGuard } from './hr-only.guard';

/** Access rules for every capability: the policy, its facts and the HR-only guard. */
@Global()
@Module({ providers: [AccessRepository, AccessPolicy, HrOnlyGuard], exports: [AccessPolicy, HrOnlyGuard] })
export class AccessModule {}
