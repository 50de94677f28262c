import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cycle } from '../cycles/dto/cycle.model';
import { PulseOrigin } from './dto/pulse.model';
import { PulseEntity } from './pulse.entity';
import { PulsesRepository } from './pulses.repository';

/**
 * `Cycle.followsUp`: a pulse is a cycle of its own, so HR's cycle list holds it; this field says
 * which released cycle and leader it follows up, so the dashboard sends HR to the leader's pulse
 * section (counts only) instead of result tabs a pulse never has. Null for a 360.
 *
 * A list of cycles asks for every cycle's field in the same turn of the event loop: those asks are
 * gathered and answered by one query (the cycles were authorised by the query that listed them).
 */
@Resolver(() => Cycle)
export class CyclePulseOriginResolver {
  private pending: { cycleIds: Set<string>; pulses: Promise<Map<string, PulseEntity>> } | null = null;

  constructor(private readonly pulses: PulsesRepository) {}

  @ResolveField(() => PulseOrigin, {
    nullable: true,
    description: 'A follow-up pulse: the released cycle and leader it follows up (its figures are on that report page); null for a 360',
  })
  async followsUp(@Parent() cycle: Cycle): Promise<PulseOrigin | null> {
    const pulse = (await this.gathered(cycle.id)).get(cycle.id);
    return pulse ? { cycleId: pulse.cycleId, subjectId: pulse.subjectId } : null;
  }

  private gathered(cycleId: string): Promise<Map<string, PulseEntity>> {
    if (!this.pending) {
      const cycleIds = new Set<string>();
      // Resolved after the current turn's asks were added (a macrotask: graphql's list items may
      // reach this resolver across several microtasks).
      const pulses = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.pending = null;
        return this.pulses.pulsesOfCycles([...cycleIds]);
      });
      this.pending = { cycleIds, pulses };
    }
    this.pending.cycleIds.add(cycleId);
    return this.pending.pulses;
  }
}
