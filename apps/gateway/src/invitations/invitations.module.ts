import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { NominationsModule } from '../nominations/nominations.module';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsResolver } from './invitations.resolver';
import { LaunchCycleUseCase } from './launch-cycle.use-case';
import { ListInvitationsUseCase } from './list-invitations.use-case';
import { RevokeInvitationUseCase } from './revoke-invitation.use-case';
import { SendRemindersUseCase } from './send-reminders.use-case';

/** Launching a cycle and the survey links it creates: listing, revoking, reminding. */
@Module({
  imports: [CyclesModule, NominationsModule],
  providers: [
    InvitationsRepository,
    LaunchCycleUseCase,
    ListInvitationsUseCase,
    RevokeInvitationUseCase,
    SendRemindersUseCase,
    InvitationsResolver,
  ],
  exports: [InvitationsRepository, LaunchCycleUseCase],
})
export class InvitationsModule {}
