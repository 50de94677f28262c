import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cycle } from '../cycles/dto/cycle.model';
import { PulseOrigin } from './dto/pulse.model';
import { PulsesRepository } from './pulses.repository';

/**
 * `Cycle.followsUp`: a pulse is a cycle of its own, so HR's cycle list holds it; this field says
 * which released cycle and leader it follows up, so the dashboard sends HR to the leader's pulse
 * section (counts only) instead of result tabs a pulse never has. Null for a 360.
 */
@Resolver(() => Cycle)
export class CyclePulseOriginResolver {
  constructor(private readonly pulses: PulsesRepository) {}

  @ResolveField(() => PulseOrigin, {
    nullable: true,
    description: 'A follow-up pulse: the released cycle and leader it follows up (its figures are on that report page); null for a 360',
  })
  async followsUp(@Parent() cycle: Cycle): Promise<PulseOrigin | null> {
    const pulse = await this.pulses.pulseOfCycle(cycle.id);
    return pulse ? { cycleId: pulse.cycleId, subjectId: pulse.subjectId } : null;
  }
}
