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

  /** Each subject of the cycle and whether they have a plan: nothing about its content. */
  async existence(cycleId: string): Promise<PlanExistenceRow[]> {
    const rows = await this.dataSource
      .getRepository(CycleSubjectEntity)
      .createQueryBuilder('s')
      .innerJoin(PersonEntity, 'p', 'p.id = s.personId')
      .select('s.personId', 'subjectId')
      .addSelect('p.name', 'name')
      .addSelect('p.employeeId', 'employeeId')
      .addSelect(
        (sub) =>
          sub.select('COUNT(*) > 0').from(DevelopmentPlanVersionEntity, 'v').where('v.cycleId = s.cycleId AND v.subjectId = s.personId'),
        'hasPlan',
      )
      .where('s.cycleId = :cycleId', { cycleId })
      .orderBy('p.name', 'ASC')
      .getRawMany<PlanExistenceRow>();
    return rows.map((r) => ({ ...r, hasPlan: r.hasPlan === true }));
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
