import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoachAssignmentEntity, CoachedCycleEntity } from '../coaching/coaching.entity';
import { CycleEntity, CycleSubjectEntity } from '../cycles/cycle.entity';
import { PersonEntity } from '../people/person.entity';

/** The facts access rules are decided on: the only place the access policy reads the database. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  cycleOf(organisationId: string, cycleId: string): Promise<CycleEntity | null> {
    return this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId, organisationId });
  }

  /** Is `personId` the manager of `subjectId`? */
  isManagerOf(personId: string, subjectId: string): Promise<boolean> {
    return this.dataSource.getRepository(PersonEntity).existsBy({ id: subjectId, managerId: personId });
  }

  isSubject(cycleId: string, personId: string): Promise<boolean> {
    return this.dataSource.getRepository(CycleSubjectEntity).existsBy({ cycleId, personId });
  }

  /** Does the person take part in the cycle: reviewed in it, or managing someone who is? */
  takesPart(cycleId: string, personId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(CycleSubjectEntity)
      .createQueryBuilder('s')
      .innerJoin(PersonEntity, 'p', 'p.id = s.personId')
      .where('s.cycleId = :cycleId', { cycleId })
      .andWhere('(s.personId = :personId OR p.managerId = :personId)', { personId })
      .getExists();
  }

  /** Is `personId` the coach assigned to `subjectId` in the cycle? */
  isCoachOf(cycleId: string, personId: string, subjectId: string): Promise<boolean> {
    return this.dataSource.getRepository(CoachAssignmentEntity).existsBy({ cycleId, subjectId, coachId: personId });
  }

  /** Does the person coach anyone in the cycle? */
  coachesIn(cycleId: string, personId: string): Promise<boolean> {
    return this.dataSource.getRepository(CoachAssignmentEntity).existsBy({ cycleId, coachId: personId });
  }

  /**
   * Of `subjectIds`, those whose report waits for the debrief: the cycle is coached and the
   * leader's debrief is not done (or no coach is assigned yet).
   */
  async awaitingDebrief(cycleId: string, subjectIds: string[]): Promise<Set<string>> {
    if (subjectIds.length === 0 || !(await this.dataSource.getRepository(CoachedCycleEntity).existsBy({ cycleId }))) return new Set();
    const done = await this.dataSource
      .getRepository(CoachAssignmentEntity)
      .createQueryBuilder('a')
      .select('a.subjectId', 'subjectId')
      .where('a.cycleId = :cycleId AND a.subjectId IN (:...subjectIds) AND a.debriefDoneAt IS NOT NULL', { cycleId, subjectIds })
      .getRawMany<{ subjectId: string }>();
    const debriefed = new Set(done.map((d) => d.subjectId));
    return new Set(subjectIds.filter((id) => !debriefed.has(id)));
  }

  /** Each coached leader's coach in the cycle (leader → coach). */
  async coachesOf(cycleId: string): Promise<Map<string, string>> {
    const rows = await this.dataSource.getRepository(CoachAssignmentEntity).findBy({ cycleId });
    return new Map(rows.map((r) => [r.subjectId, r.coachId]));
  }
}
