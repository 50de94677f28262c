import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks } from '../common/ids';
import { AssignmentEntity } from './assignment.entity';

/** Assignments: one rater asked about one subject, with the survey token behind their link. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, rows: AssignmentEntity[]): Promise<void> {
    for (const slice of chunks(rows)) await manager.getRepository(AssignmentEntity).insert(slice);
  }

  ofCycle(cycleId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({ where: { cycleId }, order: { subjectId: 'ASC', raterGroup: 'ASC' } });
  }

  findInOrganisation(organisationId: string, id: string): Promise<AssignmentEntity | null> {
    return this.dataSource.getRepository(AssignmentEntity).findOneBy({ id, organisationId });
  }

  async revoke(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(AssignmentEntity).update({ id }, { revokedAt: new Date() });
  }

  /** Not submitted yet (revoked ones included: the caller decides). */
  ofCycleUnordered(cycleId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).findBy({ cycleId });
  }

  pending(manager: EntityManager, cycleId: string): Promise<AssignmentEntity[]> {
    return manager.getRepository(AssignmentEntity).findBy({ cycleId, status: In(['invited', 'started']) });
  }

  async markReminded(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    if (ids.length) await manager.getRepository(AssignmentEntity).update({ id: In(ids) }, { remindedAt: at });
  }
}
