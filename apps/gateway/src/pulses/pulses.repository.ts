import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CycleEntity, CycleSubjectEntity } from '../cycles/cycle.entity';
import { DevelopmentPlanVersionEntity } from '../development-plans/development-plan.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganisationEntity } from '../people/organisation.entity';
import { PersonEntity } from '../people/person.entity';
import { SubjectReportEntity } from '../reports/subject-report.entity';
import { PulseEntity } from './pulse.entity';

export interface PulseRow {
  pulse: PulseEntity;
  cycle: CycleEntity;
}

/** Follow-up pulses: the pulse's own cycle, its raters (from the followed-up cycle), counts and its report. */
@Injectable()
export class PulsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The pulse whose own cycle this is, or null (a 360). */
  pulseOfCycle(cycleId: string): Promise<PulseEntity | null> {
    return this.manager.getRepository(PulseEntity).findOneBy({ pulseId: cycleId });
  }

  /** The pulses among these cycles, by pulse (cycle) id: one query for a whole list. */
  async pulsesOfCycles(cycleIds: string[]): Promise<Map<string, PulseEntity>> {
    if (cycleIds.length === 0) return new Map();
    const pulses = await this.manager.getRepository(PulseEntity).findBy({ pulseId: In(cycleIds) });
    return new Map(pulses.map((p) => [p.pulseId, p]));
  }

  latestPlan(cycleId: string, subjectId: string, manager: EntityManager = this.manager): Promise<DevelopmentPlanVersionEntity | null> {
    return manager.getRepository(DevelopmentPlanVersionEntity).findOne({ where: { cycleId, subjectId }, order: { version: 'DESC' } });
  }

  /** The leader's non-self raters in the followed-up cycle (never a revoked link), one per person. */
  async ratersOf(
    manager: EntityManager,
    cycleId: string,
    subjectId: string,
  ): Promise<Pick<AssignmentEntity, 'raterPersonId' | 'raterGroup'>[]> {
    const rows = await manager
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin(PersonEntity, 'p', 'p.id = a.raterPersonId')
      .select(['a.raterPersonId', 'a.raterGroup'])
      .where('a.cycleId = :cycleId AND a.subjectId = :subjectId', { cycleId, subjectId })
      .andWhere(`a.raterGroup <> 'self' AND a.revokedAt IS NULL AND a.raterPersonId <> :subjectId`)
      .andWhere('p.erasedAt IS NULL')
      .orderBy('a.raterPersonId')
      .getMany();
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.raterPersonId) && seen.add(r.raterPersonId));
  }

  /** Serialises starts for one leader and cycle: their subject row, locked until the transaction ends. */
  async lockSubject(manager: EntityManager, cycleId: string, subjectId: string): Promise<void> {
    await manager
      .getRepository(CycleSubjectEntity)
      .findOne({ where: { cycleId, personId: subjectId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every pulse on the leader's plan of this cycle, newest first, with its own cycle. */
  async pulsesOf(cycleId: string, subjectId: string, manager: EntityManager = this.manager): Promise<PulseRow[]> {
    const pulses = await manager.getRepository(PulseEntity).find({ where: { cycleId, subjectId }, order: { startedAt: 'DESC' } });
    if (pulses.length === 0) return [];
    const cycles = await manager.getRepository(CycleEntity).find({ where: pulses.map((p) => ({ id: p.pulseId })) });
    const byId = new Map(cycles.map((c) => [c.id, c]));
    return pulses.map((pulse) => ({ pulse, cycle: byId.get(pulse.pulseId)! }));
  }

  async insertPulse(
    manager: EntityManager,
    cycle: CycleEntity,
    subjectId: string,
    nominations: NominationEntity[],
    pulse: Omit<PulseEntity, 'startedAt'>,
  ): Promise<void> {
    await manager.getRepository(CycleEntity).insert(cycle);
    await manager.getRepository(CycleSubjectEntity).insert({ cycleId: cycle.id, personId: subjectId });
    if (nominations.length) await manager.getRepository(NominationEntity).insert(nominations);
    await manager.getRepository(PulseEntity).insert(pulse);
  }

  /** Undoes a pulse whose launch failed (nothing was sent: the launch is one transaction). */
  async removeDraft(pulseId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PulseEntity).delete({ pulseId });
      await manager.getRepository(NominationEntity).delete({ cycleId: pulseId });
      await manager.getRepository(CycleSubjectEntity).delete({ cycleId: pulseId });
      await manager.getRepository(CycleEntity).delete({ id: pulseId, status: 'draft' });
    });
  }

  /** Invited (links not revoked) and answered (submitted) raters of a pulse: counts only. */
  async counts(pulseId: string): Promise<{ invited: number; answered: number }> {
    const [row] = await this.dataSource.query<{ invited: string; answered: string }[]>(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL) AS invited,
              count(*) FILTER (WHERE revoked_at IS NULL AND status = 'submitted') AS answered
         FROM gateway.assignment WHERE cycle_id = $1`,
      [pulseId],
    );
    return { invited: Number(row.invited), answered: Number(row.answered) };
  }

  /** The pulse's live report: the snapshot the scoring service's disclosure rule allowed. */
  report(pulseId: string, subjectId: string): Promise<SubjectReportEntity | null> {
    return this.dataSource.getRepository(SubjectReportEntity).findOneBy({ cycleId: pulseId, subjectId, resultSet: LIVE_RESULT_SET });
  }

  /** What the leader's and manager's notice says: names, never the plan. */
  async noticeFacts(
    manager: EntityManager,
    organisationId: string,
    subjectId: string,
  ): Promise<{ organisationName: string; subject: PersonEntity; manager: PersonEntity | null }> {
    const people = manager.getRepository(PersonEntity);
    const subject = (await people.findOneBy({ id: subjectId }))!;
    const boss = subject.managerId ? await people.findOneBy({ id: subject.managerId }) : null;
    const organisation = (await manager.getRepository(OrganisationEntity).findOneBy({ id: organisationId }))!;
    return { organisationName: organisation.name, subject, manager: boss };
  }
}
