import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { ClosePulseUseCase } from './close-pulse.use-case';
import { CyclePulseOriginResolver } from './cycle-pulse-origin.resolver';
import { PulseAccess } from './pulse-access';
import { PulsesRepository } from './pulses.repository';
import { PulsesResolver } from './pulses.resolver';
import { ReadPulsesUseCase } from './read-pulses.use-case';
import { StartPulseUseCase } from './start-pulse.use-case';

/** From report to growth: the follow-up pulse on a leader's development plan, run through the cycle path. */
@Module({
  imports: [InvitationsModule, CyclesModule],
  providers: [
    PulseAccess,
    PulsesRepository,
    StartPulseUseCase,
    ClosePulseUseCase,
    ReadPulsesUseCase,
    PulsesResolver,
    CyclePulseOriginResolver,
  ],
})
export class PulsesModule {}
