import { Injectable } from '@nestjs/common';
import { CycleEntity } from '../cycles/cycle.entity';
import { CoachingRepository } from './coaching.repository';
import { CycleCoaching } from './dto/coaching.model';

/** HR's view of a cycle's coaching: whether it is coached, and the counts (who: `cycleCoachingPage`). */
@Injectable()
export class CoachingView {
  constructor(private readonly coaching: CoachingRepository) {}

  async of(cycle: CycleEntity): Promise<CycleCoaching> {
    const counts = await this.coaching.counts(cycle.id);
    // Not coached: no assignment is left (they go with the mark), so the counts are 0 already.
    return { cycleId: cycle.id, ...counts };
  }
}
