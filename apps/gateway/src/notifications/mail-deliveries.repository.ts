import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { chunks } from '../common/ids';
import { ERASED_NAME } from '../data-protection/data-protection.repository';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { PersonEntity } from '../people/person.entity';
import { MailDeliveryEntity } from './mail-delivery.entity';

/** A delivery state as it arrives; `createdAt` is the database's. */
export type DeliveryRow = Omit<MailDeliveryEntity, 'createdAt'>;

/** One live assignment with its rater and the newest invitation and reminder mails. */
export interface AssignmentMails {
  assignment: AssignmentEntity;
  subject: PersonEntity;
  rater: PersonEntity;
  invitation: MailDeliveryEntity | null;
  reminder: MailDeliveryEntity | null;
}

/** The delivery read model: what happened to each mail, and the mail outbox (mails recorded, not sent). */
@Injectable()
export class MailDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newest state per mail wins (by sequence), whatever the order of arrival. Mails not seen before
   * are inserted (a concurrent insert of the same mail is left to the winner); the others are
   * locked, compared and overwritten only by a newer state.
   */
  async upsertDeliveries(manager: EntityManager, incoming: DeliveryRow[]): Promise<void> {
    const deliveries = manager.getRepository(MailDeliveryEntity);
    const rows = await this.withoutErasedPeople(manager, incoming);
    const inserted = new Set<string>();
    for (const slice of chunks(rows)) {
      // `updateEntity(false)`: conflicting rows return nothing, so there is nothing to map back.
      const result = await deliveries
        .createQueryBuilder()
        .insert()
        .values(slice)
        .orIgnore()
        .returning(['mailId'])
        .updateEntity(false)
        .execute();
      for (const r of result.raw as { mail_id: string }[]) inserted.add(r.mail_id);
    }
    const rest = rows.filter((r) => !inserted.has(r.mailId));
    for (const slice of chunks(rest)) {
      const stored = await deliveries.find({
        select: { mailId: true, sequence: true },
        where: { mailId: In(slice.map((r) => r.mailId)) },
        lock: { mode: 'pessimistic_write' },
      });
      const sequence = new Map(stored.map((d) => [d.mailId, d.sequence]));
      const newer = slice.filter((r) => r.sequence > (sequence.get(r.mailId) ?? Infinity));
      if (newer.length === 0) continue;
      await deliveries
        .createQueryBuilder()
        .insert()
        .values(newer)
        .orUpdate(['status', 'reason', 'attempts', 'sequence', 'updated_at'], ['mail_id'])
        .updateEntity(false)
        .execute();
    }
  }

  /**
   * A mail's state can still be on its way when its recipient or subject is erased (the erasure
   * rewrote the rows stored so far): a new row about an erased person takes neither their address
   * nor their name. The person rows are share-locked, so an erasure committing meanwhile waits for
   * this transaction and then rewrites what it wrote.
   */
  private async withoutErasedPeople(manager: EntityManager, rows: DeliveryRow[]): Promise<DeliveryRow[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.recipientPersonId, r.subjectId]))];
    if (ids.length === 0) return rows;
    // Every row is locked (not only the erased ones): a row left unlocked could be erased before this commits.
    const people = await manager.query<{ id: string; erased: boolean }[]>(
      `SELECT "id", "erased_at" IS NOT NULL AS "erased" FROM "gateway"."person" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR SHARE`,
      [ids.sort()],
    );
    const erased = new Set(people.filter((p) => p.erased).map((p) => p.id));
    if (erased.size === 0) return rows;
    return rows.map((r) => {
      const recipientErased = erased.has(r.recipientPersonId);
      const subjectErased = erased.has(r.subjectId);
      if (!recipientErased && !subjectErased) return r;
      const content = { ...r.content };
      if (recipientErased) content.recipientName = ERASED_NAME;
      if (subjectErased && 'subjectName' in content) content.subjectName = ERASED_NAME;
      return { ...r, email: recipientErased ? null : r.email, content };
    });
  }

  /** Per live assignment of a cycle: the rater, and the newest invitation and reminder delivery; by subject, group and rater. */
  async ofCycle(cycleId: string): Promise<AssignmentMails[]> {
    const assignments = await this.dataSource.getRepository(AssignmentEntity).findBy({ cycleId, revokedAt: IsNull() });
    if (assignments.length === 0) return [];
    const people = new Map(
      (
        await this.dataSource
          .getRepository(PersonEntity)
          .findBy({ id: In([...new Set(assignments.flatMap((a) => [a.subjectId, a.raterPersonId]))]) })
      ).map((p) => [p.id, p]),
    );
    const mails = await this.dataSource.getRepository(MailDeliveryEntity).find({
      where: { cycleId, assignmentId: Not(IsNull()), kind: In(['invitation', 'reminder']) },
      order: { createdAt: 'DESC' },
    });
    const newest = new Map<string, MailDeliveryEntity>();
    for (const m of mails) if (!newest.has(`${m.assignmentId}:${m.kind}`)) newest.set(`${m.assignmentId}:${m.kind}`, m);
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return assignments
      .map((a) => ({
        assignment: a,
        subject: people.get(a.subjectId)!,
        rater: people.get(a.raterPersonId)!,
        invitation: newest.get(`${a.id}:invitation`) ?? null,
        reminder: newest.get(`${a.id}:reminder`) ?? null,
      }))
      .sort(
        (x, y) =>
          byText(x.subject.name, y.subject.name) ||
          byText(x.assignment.raterGroup, y.assignment.raterGroup) ||
          byText(x.rater.name, y.rater.name),
      );
  }

  /** The organisation's recorded mails (all, or one cycle's), newest first. */
  outbox(organisationId: string, cycleId: string | null): Promise<MailDeliveryEntity[]> {
    return this.dataSource.getRepository(MailDeliveryEntity).find({
      where: { organisationId, status: 'recorded', ...(cycleId ? { cycleId } : {}) },
      order: { createdAt: 'DESC', mailId: 'ASC' },
      take: 5000,
    });
  }

  /** One recorded mail of the organisation, with the encrypted token of its assignment (invitations and reminders). */
  async outboxMail(organisationId: string, mailId: string): Promise<{ mail: MailDeliveryEntity; tokenCipher: string | null } | null> {
    const mail = await this.dataSource.getRepository(MailDeliveryEntity).findOneBy({ mailId, organisationId, status: 'recorded' });
    if (!mail) return null;
    const assignment = mail.assignmentId
      ? await this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: mail.assignmentId })
      : null;
    return { mail, tokenCipher: assignment?.tokenCipher ?? null };
  }
}
