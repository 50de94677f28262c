import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { GetProgressUseCase } from './get-progress.use-case';
import { ProgressResolver } from './progress.resolver';

/** How far a cycle is: response rates per subject and group, live. */
@Module({ imports: [CyclesModule, InvitationsModule], providers: [GetProgressUseCase, ProgressResolver] })
export class ProgressModule {}
