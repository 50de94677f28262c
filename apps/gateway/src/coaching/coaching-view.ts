import { Injectable } from '@nestjs/common';
import { CycleEntity } from '../cycles/cycle.entity';
import { CoachingRepository } from './coaching.repository';
import { CycleCoaching } from './dto/coaching.model';

/** HR's view of a cycle's coaching: one row per leader, and the debriefs done. */
@Injectable()
export class CoachingView {
  constructor(private readonly coaching: CoachingRepository) {}

  async of(cycle: CycleEntity): Promise<CycleCoaching> {
    const coached = await this.coaching.isCoached(cycle.id);
    const subjectIds = await this.coaching.subjectIds(cycle.id);
    const assignments = coached ? await this.coaching.assignments(cycle.id) : [];
    const bySubject = new Map(assignments.map((a) => [a.subjectId, a]));
    const people = await this.coaching.people([...subjectIds, ...assignments.map((a) => a.coachId)]);
    const rows = coached
      ? subjectIds
          .map((subjectId) => {
            const a = bySubject.get(subjectId);
            return {
              subjectId,
              subjectName: people.get(subjectId)?.name ?? '',
              coachId: a?.coachId ?? null,
              coachName: a ? (people.get(a.coachId)?.name ?? null) : null,
              debriefDoneAt: a?.debriefDoneAt ?? null,
            };
          })
          .sort((x, y) => x.subjectName.localeCompare(y.subjectName))
      : [];
    return {
      cycleId: cycle.id,
      coached,
      leaders: subjectIds.length,
      withCoach: rows.filter((r) => r.coachId).length,
      debriefsDone: rows.filter((r) => r.debriefDoneAt).length,
      assignments: rows,
    };
  }
}
