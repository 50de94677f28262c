import { DebriefRequestedV1 } from '@leaderscope/events';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors';
import { CycleEntity } from '../cycles/cycle.entity';
import { CoachingRepository } from './coaching.repository';

/**
 * What releasing a coached cycle changes: every leader's report waits for their debrief, so
 * `results.released` (the leader's and manager's mails) is held back for them, and each coach is
 * told instead (`coaching.debrief-requested`). Used by `ReleaseResultsUseCase` inside its
 * transaction, under the cycle's row lock.
 */
@Injectable()
export class CoachedRelease {
  constructor(private readonly coaching: CoachingRepository) {}

  /** The leaders whose release notice waits for the debrief, and the coaches' notices. Refuses while a leader has no coach. */
  async onRelease(manager: EntityManager, cycle: CycleEntity): Promise<{ held: Set<string>; notices: DebriefRequestedV1[] }> {
    if (!(await this.coaching.isCoached(cycle.id, manager))) return { held: new Set(), notices: [] };
    const subjectIds = await this.coaching.subjectIds(cycle.id, manager);
    const assignments = await this.coaching.assignments(cycle.id, manager);
    const covered = new Set(assignments.map((a) => a.subjectId));
    const missing = subjectIds.filter((id) => !covered.has(id));
    const people = await this.coaching.people([...subjectIds, ...assignments.map((a) => a.coachId)], manager);
    if (missing.length > 0) {
      const names = missing.map((id) => people.get(id)?.name ?? id).sort();
      throw new ConflictError(
        `This is a coached cycle and ${names.length === 1 ? 'one leader has' : `${names.length} leaders have`} no coach yet (${names.join(', ')}): assign a coach to every leader before releasing`,
      );
    }
    return {
      held: new Set(subjectIds),
      notices: await this.requests(
        manager,
        cycle,
        assignments.map((a) => ({ subjectId: a.subjectId, coachId: a.coachId })),
      ),
    };
  }

  /** One `coaching.debrief-requested` per leader, to their coach. */
  async requests(
    manager: EntityManager,
    cycle: CycleEntity,
    pairs: { subjectId: string; coachId: string }[],
  ): Promise<DebriefRequestedV1[]> {
    if (pairs.length === 0) return [];
    const people = await this.coaching.people(
      pairs.flatMap((p) => [p.subjectId, p.coachId]),
      manager,
    );
    const organisationName = await this.coaching.organisationName(manager, cycle.organisationId);
    const now = new Date().toISOString();
    return pairs.map(({ subjectId, coachId }) => {
      const coach = people.get(coachId)!;
      return {
        cycleId: cycle.id,
        cycleName: cycle.name,
        organisationName,
        subjectId,
        subjectName: people.get(subjectId)!.name,
        coach: { personId: coach.id, name: coach.name, email: coach.email || null },
        requestedAt: now,
      };
    });
  }
}
