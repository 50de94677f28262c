import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { CycleEntity, CycleSubjectEntity } from '../cycles/cycle.entity';
import { DevelopmentPlanVersionEntity } from '../development-plans/development-plan.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganisationEntity } from '../people/organisation.entity';
import { personSearch } from '../common/paging';
import { PersonEntity } from '../people/person.entity';
import { CoachAssignmentEntity, CoachedCycleEntity } from './coaching.entity';

/** How far a cycle's coaching is: counted by PostgreSQL, never by loading the assignments. */
export interface CoachingCounts {
  coached: boolean;
  leaders: number;
  withCoach: number;
  debriefsDone: number;
}

/** One leader of a coached cycle, their coach (if any) and their debrief. */
export interface CoachAssignmentRow {
  subjectId: string;
  subjectName: string;
  coachId: string | null;
  coachName: string | null;
  debriefDoneAt: Date | null;
}

/** What a page of a cycle's leaders may be narrowed to. */
export interface CoachAssignmentPageFilter {
  withoutCoachOnly: boolean;
  debriefPendingOnly: boolean;
  search: string | null;
}

export interface CoacheeRow {
  cycleId: string;
  cycleName: string;
  releasedAt: Date | null;
  subjectId: string;
  subjectName: string;
  debriefDoneAt: Date | null;
  hasPlan: boolean;
}

/** Coached cycles and coach assignments; the facts the coaching rules are decided on. */
@Injectable()
export class CoachingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cycle's row, locked until the transaction ends (the lock release and close take too). */
  lockCycle(manager: EntityManager, cycleId: string): Promise<CycleEntity | null> {
    return manager.getRepository(CycleEntity).findOne({ where: { id: cycleId }, lock: { mode: 'pessimistic_write' } });
  }

  isCoached(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(CoachedCycleEntity).existsBy({ cycleId });
  }

  async markCoached(manager: EntityManager, cycle: CycleEntity): Promise<void> {
    await manager
      .getRepository(CoachedCycleEntity)
      .createQueryBuilder()
      .insert()
      .values({ cycleId: cycle.id, organisationId: cycle.organisationId })
      .orIgnore()
      .execute();
  }

  /** Unmarks the cycle; its coach assignments go with it. */
  async unmarkCoached(manager: EntityManager, cycleId: string): Promise<void> {
    await manager.getRepository(CoachedCycleEntity).delete({ cycleId });
  }

  subjectIds(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return manager
      .getRepository(CycleSubjectEntity)
      .findBy({ cycleId })
      .then((rows) => rows.map((r) => r.personId));
  }

  /** Which of `personIds` (uuids) are leaders reviewed in the cycle. */
  async subjectsAmong(cycleId: string, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(CycleSubjectEntity).findBy({ cycleId, personId: In(personIds) });
    return new Set(rows.map((r) => r.personId));
  }

  person(organisationId: string, personId: string, manager: EntityManager = this.dataSource.manager): Promise<PersonEntity | null> {
    return manager.getRepository(PersonEntity).findOneBy({ id: personId, organisationId });
  }

  async people(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, PersonEntity>> {
    const rows = ids.length ? await manager.getRepository(PersonEntity).findBy({ id: In([...new Set(ids)]) }) : [];
    return new Map(rows.map((p) => [p.id, p]));
  }

  async organisationName(manager: EntityManager, organisationId: string): Promise<string> {
    return (await manager.getRepository(OrganisationEntity).findOneByOrFail({ id: organisationId })).name;
  }

  /** The groups in which `personId` rates each of `subjectIds` in the cycle: an approved or proposed nomination, or an unrevoked assignment. */
  async raterGroups(manager: EntityManager, cycleId: string, personId: string, subjectIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (subjectIds.length === 0) return out;
    const nominations = await manager
      .getRepository(NominationEntity)
      .findBy({ cycleId, raterId: personId, subjectId: In(subjectIds), status: Not('removed') });
    for (const n of nominations) out.set(n.subjectId, n.raterGroup);
    const assignments = await manager
      .getRepository(AssignmentEntity)
      .findBy({ cycleId, raterPersonId: personId, subjectId: In(subjectIds), revokedAt: IsNull() });
    for (const a of assignments) out.set(a.subjectId, a.raterGroup);
    return out;
  }

  assignments(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<CoachAssignmentEntity[]> {
    return manager.getRepository(CoachAssignmentEntity).findBy({ cycleId });
  }

  /** The assignments of some leaders of the cycle only. */
  assignmentsOf(cycleId: string, subjectIds: string[], manager: EntityManager = this.dataSource.manager): Promise<CoachAssignmentEntity[]> {
    if (subjectIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(CoachAssignmentEntity).findBy({ cycleId, subjectId: In(subjectIds) });
  }

  /**
   * Whether the cycle is coached, its leaders, and how many have a coach and a debrief done: three
   * counts over the `cycle_subject` and `coach_assignment` keys (an assignment always belongs to a
   * leader of the cycle, and goes when the cycle is no longer coached).
   */
  async counts(cycleId: string): Promise<CoachingCounts> {
    const [row] = await this.dataSource.query<CoachingCounts[]>(
      `SELECT EXISTS (SELECT 1 FROM "gateway"."coached_cycle" c WHERE c."cycle_id" = $1) AS "coached",
              (SELECT count(*)::int FROM "gateway"."cycle_subject" s WHERE s."cycle_id" = $1) AS "leaders",
              a."withCoach", a."debriefsDone"
         FROM (SELECT count(*)::int AS "withCoach", (count(*) FILTER (WHERE a."debrief_done_at" IS NOT NULL))::int AS "debriefsDone"
                 FROM "gateway"."coach_assignment" a WHERE a."cycle_id" = $1) a`,
      [cycleId],
    );
    return row;
  }

  /**
   * One page of the cycle's leaders with their coach and debrief, by the leader's name then id
   * (keyset: `first + 1` rows, so the caller knows whether more follow), narrowed by `filter`; and,
   * when `countMatching`, how many leaders match it over all pages.
   */
  async assignmentPage(
    cycleId: string,
    filter: CoachAssignmentPageFilter,
    page: { first: number; after: { name: string; subjectId: string } | null },
    countMatching: boolean,
  ): Promise<{ rows: CoachAssignmentRow[]; total: number | null }> {
    const params: unknown[] = [cycleId];
    const where: string[] = [];
    if (filter.withoutCoachOnly) where.push(`a."coach_id" IS NULL`);
    if (filter.debriefPendingOnly) where.push(`a."debrief_done_at" IS NULL`);
    if (filter.search) where.push(personSearch(params, filter.search, ['p', 'c']));
    const matching = `
      FROM "gateway"."cycle_subject" s
      JOIN "gateway"."person" p ON p."id" = s."person_id"
      LEFT JOIN "gateway"."coach_assignment" a ON a."cycle_id" = s."cycle_id" AND a."subject_id" = s."person_id"
      LEFT JOIN "gateway"."person" c ON c."id" = a."coach_id"
      WHERE s."cycle_id" = $1 ${where.map((w) => `AND ${w}`).join(' ')}`;
    const countParams = [...params];
    let after = '';
    if (page.after) {
      params.push(page.after.name, page.after.subjectId);
      after = `AND (p."name", s."person_id") > ($${params.length - 1}::text, $${params.length}::uuid)`;
    }
    params.push(page.first + 1);
    const [rows, counted] = await Promise.all([
      this.dataSource.query<CoachAssignmentRow[]>(
        `SELECT s."person_id" AS "subjectId", p."name" AS "subjectName", a."coach_id" AS "coachId", c."name" AS "coachName",
                a."debrief_done_at" AS "debriefDoneAt"
         ${matching} ${after}
         ORDER BY p."name", s."person_id" LIMIT $${params.length}`,
        params,
      ),
      countMatching ? this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n ${matching}`, countParams) : null,
    ]);
    return { rows, total: counted ? counted[0].n : null };
  }

  /** One leader's assignment, locked until the transaction ends. */
  lockAssignment(manager: EntityManager, cycleId: string, subjectId: string): Promise<CoachAssignmentEntity | null> {
    return manager.getRepository(CoachAssignmentEntity).findOne({ where: { cycleId, subjectId }, lock: { mode: 'pessimistic_write' } });
  }

  async assign(manager: EntityManager, cycle: CycleEntity, coachId: string, subjectIds: string[]): Promise<void> {
    await manager.getRepository(CoachAssignmentEntity).upsert(
      subjectIds.map((subjectId) => ({
        cycleId: cycle.id,
        subjectId,
        coachId,
        organisationId: cycle.organisationId,
        assignedAt: new Date(),
        debriefDoneAt: null,
      })),
      { conflictPaths: ['cycleId', 'subjectId'] },
    );
  }

  async markDebriefDone(manager: EntityManager, cycleId: string, subjectId: string, at: Date): Promise<void> {
    await manager.getRepository(CoachAssignmentEntity).update({ cycleId, subjectId }, { debriefDoneAt: at });
  }

  /** The leaders a person coaches, in every coached cycle of the organisation, newest cycle first. */
  async coachees(organisationId: string, coachId: string): Promise<CoacheeRow[]> {
    const rows = await this.dataSource
      .getRepository(CoachAssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin(CycleEntity, 'c', 'c.id = a.cycleId')
      .innerJoin(PersonEntity, 'p', 'p.id = a.subjectId')
      .select('a.cycleId', 'cycleId')
      .addSelect('c.name', 'cycleName')
      .addSelect('c.releasedAt', 'releasedAt')
      .addSelect('c.opensAt', 'opensAt')
      .addSelect('a.subjectId', 'subjectId')
      .addSelect('p.name', 'subjectName')
      .addSelect('a.debriefDoneAt', 'debriefDoneAt')
      .addSelect(
        (q) =>
          q.select('COUNT(*) > 0').from(DevelopmentPlanVersionEntity, 'v').where('v.cycle_id = a.cycle_id AND v.subject_id = a.subject_id'),
        'hasPlan',
      )
      .where('a.organisationId = :organisationId AND a.coachId = :coachId', { organisationId, coachId })
      .orderBy('c.opensAt', 'DESC')
      .addOrderBy('p.name', 'ASC')
      .getRawMany<CoacheeRow & { opensAt: Date }>();
    return rows.map(({ opensAt: _, ...r }) => ({ ...r, hasPlan: Boolean(r.hasPlan) }));
  }
}
