import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { CycleEntity, CycleSubjectEntity } from './cycle.entity';

/** Cycles and who is reviewed in them. */
@Injectable()
export class CyclesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofOrganisation(organisationId: string): Promise<CycleEntity[]> {
    return this.dataSource.getRepository(CycleEntity).find({ where: { organisationId }, order: { createdAt: 'DESC' } });
  }

  /** The cycles a person is reviewed in, or manages someone reviewed in. */
  takenPartIn(organisationId: string, personId: string): Promise<CycleEntity[]> {
    return this.dataSource
      .getRepository(CycleEntity)
      .createQueryBuilder('c')
      .where('c.organisationId = :organisationId', { organisationId })
      .andWhere((qb) => {
        const sub = qb
          .subQuery()
          .select('1')
          .from(CycleSubjectEntity, 's')
          .innerJoin(PersonEntity, 'p', 'p.id = s.personId')
          .where('s.cycleId = c.id')
          .andWhere('(s.personId = :personId OR p.managerId = :personId)', { personId })
          .getQuery();
        return `EXISTS ${sub}`;
      })
      .orderBy('c.createdAt', 'DESC')
      .getMany();
  }

  async insert(manager: EntityManager, cycle: CycleEntity): Promise<void> {
    await manager.getRepository(CycleEntity).insert(cycle);
  }

  /**
   * The cycle, locked until the transaction ends: state transitions (launch, close, release,
   * rescore) read the status they change under this lock, so two of them never interleave.
   */
  lock(manager: EntityManager, cycleId: string): Promise<CycleEntity | null> {
    return manager.getRepository(CycleEntity).findOne({ where: { id: cycleId }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    manager: EntityManager,
    cycleId: string,
    change: Partial<
      Pick<
        CycleEntity,
        | 'status'
        | 'launchedAt'
        | 'closedAt'
        | 'closesAt'
        | 'releasedAt'
        | 'commentThreshold'
        | 'launchCursor'
        | 'launchSubjectsTotal'
        | 'launchSubjectsDone'
      >
    >,
  ): Promise<void> {
    await manager.getRepository(CycleEntity).update({ id: cycleId }, change);
  }

  async organisationOf(cycleId: string): Promise<string | null> {
    return (await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId }))?.organisationId ?? null;
  }

  async subjectIds(cycleId: string): Promise<string[]> {
    return (await this.dataSource.getRepository(CycleSubjectEntity).findBy({ cycleId })).map((r) => r.personId);
  }

  /**
   * Adds subjects while the cycle is a draft: under a share lock of the cycle's row, so a launch
   * (which moves it to `launching` under an exclusive lock) never starts between the check and the
   * insert. Answers the status the cycle had (nothing is added unless it is `draft`).
   */
  async addSubjects(cycleId: string, personIds: string[]): Promise<CycleEntity['status'] | null> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { status: CycleEntity['status'] }[] = await manager.query(
        `SELECT status FROM "gateway"."cycle" WHERE id = $1 FOR SHARE`,
        [cycleId],
      );
      const status = rows[0]?.status ?? null;
      if (status !== 'draft') return status;
      await manager.getRepository(CycleSubjectEntity).upsert(
        personIds.map((personId) => ({ cycleId, personId })),
        ['cycleId', 'personId'],
      );
      return status;
    });
  }
}
