import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccountEntity, SessionEntity } from '../accounts/account.entity';
import { AuditEventEntity } from '../common/audit-event.entity';
import { CoachAssignmentEntity } from '../coaching/coaching.entity';
import { CycleEntity, CycleSubjectEntity } from '../cycles/cycle.entity';
import { DevelopmentPlanCommentEntity, DevelopmentPlanVersionEntity } from '../development-plans/development-plan.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { PersonEntity } from '../people/person.entity';
import { PublishedReportEntity } from '../publication/published-report.entity';

/** What the name of an erased person becomes wherever a text needs one. */
export const ERASED_NAME = 'Erased person';

/** Everything the gateway holds about one person, read for an export or changed by an erasure. */
@Injectable()
export class DataProtectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  person(organisationId: string, personId: string): Promise<PersonEntity | null> {
    return this.dataSource.getRepository(PersonEntity).findOneBy({ id: personId, organisationId });
  }

  /** The person, locked until the transaction ends (two erasures never interleave). */
  lockPerson(manager: EntityManager, organisationId: string, personId: string): Promise<PersonEntity | null> {
    return manager.getRepository(PersonEntity).findOne({ where: { id: personId, organisationId }, lock: { mode: 'pessimistic_write' } });
  }

  names(organisationId: string, ids: string[]): Promise<Pick<PersonEntity, 'id' | 'name'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .select(['p.id', 'p.name'])
      .where('p.organisationId = :organisationId', { organisationId })
      .andWhere('p.id IN (:...ids)', { ids })
      .getMany();
  }

  accounts(personId: string, manager: EntityManager = this.dataSource.manager): Promise<AccountEntity[]> {
    return manager.getRepository(AccountEntity).findBy({ personId });
  }

  cycles(organisationId: string, ids: string[]): Promise<CycleEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(CycleEntity)
      .createQueryBuilder('c')
      .where('c.organisationId = :organisationId', { organisationId })
      .andWhere('c.id IN (:...ids)', { ids })
      .getMany();
  }

  reviewedIn(personId: string): Promise<CycleSubjectEntity[]> {
    return this.dataSource.getRepository(CycleSubjectEntity).findBy({ personId });
  }

  nominations(personId: string): Promise<NominationEntity[]> {
    return this.dataSource
      .getRepository(NominationEntity)
      .createQueryBuilder('n')
      .where('n.raterId = :personId OR n.subjectId = :personId', { personId })
      .getMany();
  }

  assignmentsAsRater(personId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).findBy({ raterPersonId: personId });
  }

  publishedAbout(personId: string): Promise<Pick<PublishedReportEntity, 'cycleId' | 'publishedAt'>[]> {
    return this.dataSource
      .getRepository(PublishedReportEntity)
      .createQueryBuilder('r')
      .select(['r.cycleId', 'r.publishedAt'])
      .where('r.subjectId = :personId', { personId })
      .getMany();
  }

  /** Coach assignments where the person is the coached leader or the coach. */
  coaching(organisationId: string, personId: string): Promise<CoachAssignmentEntity[]> {
    return this.dataSource
      .getRepository(CoachAssignmentEntity)
      .createQueryBuilder('c')
      .where('c.organisationId = :organisationId', { organisationId })
      .andWhere('(c.subjectId = :personId OR c.coachId = :personId)', { personId })
      .orderBy('c.assignedAt', 'ASC')
      .getMany();
  }

  /** Every saved version of the person's own development plans, oldest first. */
  developmentPlans(organisationId: string, personId: string): Promise<DevelopmentPlanVersionEntity[]> {
    return this.dataSource
      .getRepository(DevelopmentPlanVersionEntity)
      .find({ where: { organisationId, subjectId: personId }, order: { savedAt: 'ASC', version: 'ASC' } });
  }

  /** Comments on the person's plans, and comments the person wrote on other leaders' plans. */
  planComments(organisationId: string, personId: string): Promise<DevelopmentPlanCommentEntity[]> {
    return this.dataSource
      .getRepository(DevelopmentPlanCommentEntity)
      .createQueryBuilder('c')
      .where('c.organisationId = :organisationId', { organisationId })
      .andWhere('(c.subjectId = :personId OR c.authorPersonId = :personId)', { personId })
      .orderBy('c.createdAt', 'ASC')
      .getMany();
  }

  /** Mails to the person, as the notification service reported them (no survey link is ever stored). */
  async mailsTo(
    organisationId: string,
    personId: string,
  ): Promise<{ kind: string; cycleId: string; email: string | null; status: string; createdAt: Date }[]> {
    return this.dataSource.query(
      `SELECT "kind", "cycle_id"::text AS "cycleId", "email", "status", "created_at" AS "createdAt"
         FROM "gateway"."mail_delivery" WHERE "organisation_id" = $1 AND "recipient_person_id" = $2 ORDER BY "created_at"`,
      [organisationId, personId],
    );
  }

  auditAbout(organisationId: string, personId: string): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { organisationId, target: `person:${personId}` }, order: { at: 'ASC' } });
  }

  /**
   * Erases the person in the gateway: the person row keeps only its id and place in the reporting
   * lines (other people's manager link), their sign-in and sessions go, their open survey links are
   * revoked and every draft cleared, and their address and name leave the mail deliveries.
   */
  async erase(manager: EntityManager, person: PersonEntity, at: Date): Promise<{ accounts: number; revokedLinks: number }> {
    await manager.getRepository(PersonEntity).update(
      { id: person.id },
      {
        name: ERASED_NAME,
        email: null,
        employeeId: `erased:${person.id}`,
        title: null,
        department: null,
        managerEmployeeId: null,
        managerId: null,
        erasedAt: at,
        updatedAt: at,
      },
    );
    // Their reports keep their manager link, but not the erased person's HRIS employee id.
    await manager.getRepository(PersonEntity).update({ managerId: person.id }, { managerEmployeeId: `erased:${person.id}` });
    const accounts = await manager.getRepository(AccountEntity).findBy({ personId: person.id });
    if (accounts.length) {
      await manager
        .getRepository(SessionEntity)
        .createQueryBuilder()
        .delete()
        .where('account_id IN (:...ids)', { ids: accounts.map((a) => a.id) })
        .execute();
      await manager.getRepository(AccountEntity).delete(accounts.map((a) => a.id));
    }
    const revoked = await manager
      .getRepository(AssignmentEntity)
      .update({ raterPersonId: person.id, revokedAt: IsNull(), status: 'invited' }, { revokedAt: at });
    const revokedStarted = await manager
      .getRepository(AssignmentEntity)
      .update({ raterPersonId: person.id, revokedAt: IsNull(), status: 'started' }, { revokedAt: at });
    await manager.getRepository(AssignmentEntity).update({ raterPersonId: person.id }, { draftAnswers: {}, draftComments: {} });
    // Sign-in attempts are counted per e-mail address (rate-limiter-flexible's table): those counters go too.
    if (person.email)
      await manager.query(`DELETE FROM "gateway"."rate_limit" WHERE lower(right("key", length($1))) = $1`, [
        `:${person.email.toLowerCase()}`,
      ]);
    const name = JSON.stringify(ERASED_NAME);
    await manager.query(
      `UPDATE "gateway"."mail_delivery" SET "email" = NULL,
          "content" = CASE WHEN "content" ? 'recipientName' THEN jsonb_set("content", '{recipientName}', $3::jsonb) ELSE "content" END
        WHERE "organisation_id" = $1 AND "recipient_person_id" = $2`,
      [person.organisationId, person.id, name],
    );
    await manager.query(
      `UPDATE "gateway"."mail_delivery" SET "content" = jsonb_set("content", '{subjectName}', $3::jsonb)
        WHERE "organisation_id" = $1 AND "subject_id" = $2 AND "content" ? 'subjectName'`,
      [person.organisationId, person.id, name],
    );
    return { accounts: accounts.length, revokedLinks: (revoked.affected ?? 0) + (revokedStarted.affected ?? 0) };
  }
}
