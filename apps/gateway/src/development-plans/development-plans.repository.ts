import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CycleEntity, CycleSubjectEntity } from '../cycles/cycle.entity';
import { OrganisationEntity } from '../people/organisation.entity';
import { PersonEntity } from '../people/person.entity';
import { DevelopmentPlanCommentEntity, DevelopmentPlanVersionEntity } from './development-plan.entity';

export interface CommentRow {
  id: string;
  planVersion: number;
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface PlanExistenceRow {
  subjectId: string;
  name: string;
  employeeId: string;
  hasPlan: boolean;
}

/** Development plans: versions (appended, never changed), comments, and whether each subject of a cycle has one. */
@Injectable()
export class DevelopmentPlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises saves of one subject's plan: the subject's row in the cycle, locked until the transaction ends. */
  async lockSubject(manager: EntityManager, cycleId: string, subjectId: string): Promise<void> {
    await manager
      .getRepository(CycleSubjectEntity)
      .findOne({ where: { cycleId, personId: subjectId }, lock: { mode: 'pessimistic_write' } });
  }

  latest(
    cycleId: string,
    subjectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DevelopmentPlanVersionEntity | null> {
    return manager.getRepository(DevelopmentPlanVersionEntity).findOne({ where: { cycleId, subjectId }, order: { version: 'DESC' } });
  }

  /** Every version, newest first. */
  versions(cycleId: string, subjectId: string): Promise<DevelopmentPlanVersionEntity[]> {
    return this.dataSource.getRepository(DevelopmentPlanVersionEntity).find({ where: { cycleId, subjectId }, order: { version: 'DESC' } });
  }

  async insertVersion(manager: EntityManager, row: Omit<DevelopmentPlanVersionEntity, 'savedAt'>): Promise<void> {
    await manager.getRepository(DevelopmentPlanVersionEntity).insert(row);
  }

  async insertComment(manager: EntityManager, row: Omit<DevelopmentPlanCommentEntity, 'createdAt'>): Promise<void> {
    await manager.getRepository(DevelopmentPlanCommentEntity).insert(row);
  }

  /** Comments, oldest first, with their author's name. */
  comments(cycleId: string, subjectId: string): Promise<CommentRow[]> {
    return this.dataSource
      .getRepository(DevelopmentPlanCommentEntity)
      .createQueryBuilder('c')
      .innerJoin(PersonEntity, 'p', 'p.id = c.authorPersonId')
      .select('c.id', 'id')
      .addSelect('c.planVersion', 'planVersion')
      .addSelect('p.name', 'authorName')
      .addSelect('c.body', 'body')
      .addSelect('c.createdAt', 'createdAt')
      .where('c.cycleId = :cycleId AND c.subjectId = :subjectId', { cycleId, subjectId })
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawMany<CommentRow>();
  }

  /** How many subjects the cycle has, and how many of them have a plan. */
  async coverageCounts(cycleId: string): Promise<{ leaders: number; withPlan: number }> {
    const [row] = await this.dataSource.query<{ leaders: number; withPlan: number }[]>(
      `SELECT count(*)::int AS "leaders",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "gateway"."development_plan_version" v
                                            WHERE v."cycle_id" = s."cycle_id" AND v."subject_id" = s."person_id"))::int AS "withPlan"
       FROM "gateway"."cycle_subject" s WHERE s."cycle_id" = $1`,
      [cycleId],
    );
    return row;
  }

  /**
   * One page of the cycle's subjects and whether each has a plan (nothing about its content), by
   * name then id (keyset), optionally only those without one; reads `first + 1` rows.
   */
  async existencePage(
    cycleId: string,
    page: { first: number; after: { name: string; subjectId: string } | null; withoutPlanOnly: boolean },
  ): Promise<PlanExistenceRow[]> {
    return this.dataSource.query<PlanExistenceRow[]>(
      `SELECT * FROM (
         SELECT s."person_id" AS "subjectId", p."name", p."employee_id" AS "employeeId",
                EXISTS (SELECT 1 FROM "gateway"."development_plan_version" v
                        WHERE v."cycle_id" = s."cycle_id" AND v."subject_id" = s."person_id") AS "hasPlan"
         FROM "gateway"."cycle_subject" s JOIN "gateway"."person" p ON p."id" = s."person_id"
         WHERE s."cycle_id" = $1
       ) AS e
       WHERE (NOT $2::boolean OR NOT e."hasPlan") AND ($3::text IS NULL OR (e."name", e."subjectId") > ($3::text, $4::uuid))
       ORDER BY e."name", e."subjectId" LIMIT $5`,
      [cycleId, page.withoutPlanOnly, page.after?.name ?? null, page.after?.subjectId ?? null, page.first + 1],
    );
  }

  /** What the manager's notice says: names, never the plan. */
  async noticeFacts(
    manager: EntityManager,
    cycle: CycleEntity,
    subjectId: string,
  ): Promise<{ organisationName: string; subject: PersonEntity; manager: PersonEntity | null }> {
    const people = manager.getRepository(PersonEntity);
    const subject = (await people.findOneBy({ id: subjectId }))!;
    const boss = subject.managerId ? await people.findOneBy({ id: subject.managerId }) : null;
    const organisation = (await manager.getRepository(OrganisationEntity).findOneBy({ id: cycle.organisationId }))!;
    return { organisationName: organisation.name, subject, manager: boss };
  }
}
