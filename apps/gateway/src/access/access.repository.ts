import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
}
