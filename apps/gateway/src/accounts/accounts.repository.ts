import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CoachAssignmentEntity } from '../coaching/coaching.entity';
import { CycleSubjectEntity } from '../cycles/cycle.entity';
import { OrganisationEntity } from '../people/organisation.entity';
import { PersonEntity } from '../people/person.entity';
import { AccountEntity, SessionEntity } from './account.entity';

/** Sign-ins: accounts, their sessions, and the facts an account's roles come from. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byEmail(email: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).createQueryBuilder('a').where('lower(a.email) = lower(:email)', { email }).getOne();
  }

  emailTaken(email: string): Promise<boolean> {
    return this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .getExists();
  }

  async insert(account: AccountEntity, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(AccountEntity).insert(account);
  }

  async insertOrganisation(manager: EntityManager, organisation: Pick<OrganisationEntity, 'id' | 'name'>): Promise<void> {
    await manager.getRepository(OrganisationEntity).insert(organisation);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async startSession(session: SessionEntity): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).insert(session);
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ tokenHash }, { revokedAt: new Date() });
  }

  /** The account behind a session that is neither expired nor revoked. */
  bySession(tokenHash: string): Promise<AccountEntity | null> {
    return this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoin(SessionEntity, 's', 's.accountId = a.id')
      .where('s.tokenHash = :tokenHash', { tokenHash })
      .andWhere('s.revokedAt IS NULL')
      .andWhere('s.expiresAt > now()')
      .getOne();
  }

  organisation(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /** Is the person reviewed in any cycle, and does anyone report to them? */
  async roleFacts(personId: string): Promise<{ subject: boolean; manager: boolean; coach: boolean }> {
    const [subject, manager, coach] = await Promise.all([
      this.dataSource.getRepository(CycleSubjectEntity).existsBy({ personId }),
      this.dataSource.getRepository(PersonEntity).existsBy({ managerId: personId }),
      this.dataSource.getRepository(CoachAssignmentEntity).existsBy({ coachId: personId }),
    ]);
    return { subject, manager, coach };
  }
}
