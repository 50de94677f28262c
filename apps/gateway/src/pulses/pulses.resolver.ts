import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../access/viewer';
import { StartPulseInput } from './dto/pulse.input';
import { ClosePulseUseCase } from './close-pulse.use-case';
import { Pulse } from './dto/pulse.model';
import { ReadPulsesUseCase } from './read-pulses.use-case';
import { StartPulseUseCase } from './start-pulse.use-case';

@Resolver(() => Pulse)
export class PulsesResolver {
  constructor(
    private readonly read: ReadPulsesUseCase,
    private readonly start: StartPulseUseCase,
    private readonly close: ClosePulseUseCase,
  ) {}

  @Query(() => [Pulse], {
    description:
      "A leader's follow-up pulses on their plan from this cycle, newest first: the leader and their manager (focus areas and result), HR (counts only)",
  })
  pulses(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<Pulse[]> {
    return this.read.execute(viewer, cycleId, subjectId);
  }

  @Mutation(() => Pulse, {
    description: 'The leader or HR starts a follow-up pulse on the leader’s development plan; raters are mailed their links',
  })
  async startPulse(@CurrentViewer() viewer: Viewer, @Args('input') input: StartPulseInput): Promise<Pulse> {
    const started = await this.start.execute(viewer, input);
    return this.read.one(viewer, started.pulseId);
  }

  @Mutation(() => Pulse, {
    description:
      'The leader or HR closes a follow-up pulse before its closing time: its links stop working and the leader and manager see its result',
  })
  async closePulse(@CurrentViewer() viewer: Viewer, @Args('pulseId', { type: () => ID }) pulseId: string): Promise<Pulse> {
    const closed = await this.close.execute(viewer, pulseId);
    return this.read.one(viewer, closed.pulseId);
  }
}
