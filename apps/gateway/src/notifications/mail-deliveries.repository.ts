import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { InputError } from '../common/errors';
import { chunks, isUuid } from '../common/ids';
import { CursorValue, PageRequest, SortDirection } from '../common/paging';
import { RaterGroupName } from '../common/rater-group';
import { ERASED_NAME } from '../data-protection/data-protection.repository';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { DELIVERY_STATUS_ORDER, MailDeliverySortKey } from './dto/mail-delivery-page.model';
import { MailDeliveryEntity } from './mail-delivery.entity';

/** A delivery state as it arrives; `createdAt` is the database's. */
export type DeliveryRow = Omit<MailDeliveryEntity, 'createdAt'>;

/** A mail's delivery state as HR sees it (never its content or link). */
export type MailState = Pick<MailDeliveryEntity, 'mailId' | 'status' | 'reason' | 'attempts' | 'updatedAt'>;

/** One live assignment with its subject, its rater and the newest invitation and reminder, with the values its cursor is made of. */
export interface AssignmentMailsRow {
  assignmentId: string;
  subjectId: string;
  subjectName: string;
  raterName: string;
  raterEmail: string | null;
  group: RaterGroupName;
  surveyStatus: string;
  invitation: MailState | null;
  reminder: MailState | null;
  sortKey: CursorValue[];
}

/** What a page of raters' mails may be narrowed to. */
export interface MailDeliveryPageFilter {
  statuses?: string[] | null;
  mail?: 'INVITATION' | 'REMINDER' | null;
  group?: RaterGroupName | null;
  search?: string | null;
}

/** The group's place in the usual order (self, manager, peer, direct_report, skip_level, other). */
const GROUP_ORDER = `array_position(ARRAY[${RATER_GROUPS.map((g) => `'${g}'`).join(', ')}]::text[], a.rater_group)`;
/** The rater's latest mail's status (the reminder once there is one), problems first. */
const STATUS_ORDER = `coalesce(array_position(ARRAY[${DELIVERY_STATUS_ORDER.map((s) => `'${s}'`).join(', ')}]::text[], coalesce(rm.status, i.status, 'none')), ${DELIVERY_STATUS_ORDER.length + 1})`;
/** When the latest mail last changed, in milliseconds since 1970 (0: no mail yet). */
const UPDATED = `coalesce(floor(extract(epoch FROM greatest(i.updated_at, rm.updated_at)) * 1000), 0)::float8`;

type SortColumn = { expression: string; cast: 'text' | 'uuid' | 'int' | 'float8' };

const BY_SUBJECT: SortColumn[] = [
  { expression: 's.name', cast: 'text' },
  { expression: 's.id', cast: 'uuid' },
  { expression: GROUP_ORDER, cast: 'int' },
  { expression: 'r.name', cast: 'text' },
];

/**
 * Each sort as the columns it orders by (all in one direction); the assignment's id breaks ties.
 * Ids stay uuids (not text) so PostgreSQL can read the subjects in `person_by_name` order and stop
 * at the page's end instead of sorting the whole cycle (STATUS and UPDATED sort what matches).
 */
const DELIVERY_SORT: Record<MailDeliverySortKey, SortColumn[]> = {
  [MailDeliverySortKey.SUBJECT]: BY_SUBJECT,
  [MailDeliverySortKey.RATER]: [
    { expression: 'r.name', cast: 'text' },
    { expression: 'r.id', cast: 'uuid' },
  ],
  [MailDeliverySortKey.STATUS]: [{ expression: STATUS_ORDER, cast: 'int' }, ...BY_SUBJECT],
  [MailDeliverySortKey.UPDATED]: [{ expression: UPDATED, cast: 'float8' }, ...BY_SUBJECT],
};

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

  /**
   * One page of a cycle's live assignments with their rater and newest invitation and reminder,
   * filtered and sorted in PostgreSQL with keyset paging on the sort's columns and the assignment's
   * id (`first + 1` rows, so the caller knows whether more follow; `first` null: every row), and the
   * count of every assignment matching the filter. The newest mail of each kind is one probe of
   * `mail_delivery_newest` per assignment of the page; subjects and raters are the organisation's.
   */
  async page(
    organisationId: string,
    cycleId: string,
    filter: MailDeliveryPageFilter,
    page: PageRequest<MailDeliverySortKey>,
  ): Promise<{ rows: AssignmentMailsRow[]; total: number }> {
    const params: unknown[] = [cycleId, organisationId];
    const where: string[] = [];
    if (filter.statuses?.length) {
      params.push(filter.statuses);
      const of = (m: 'i' | 'rm') => `coalesce(${m}.status, 'none') = ANY($${params.length}::text[])`;
      where.push(filter.mail === 'INVITATION' ? of('i') : filter.mail === 'REMINDER' ? of('rm') : `(${of('i')} OR ${of('rm')})`);
    }
    if (filter.group) {
      params.push(filter.group);
      where.push(`a.rater_group = $${params.length}`);
    }
    if (filter.search) {
      // `%`, `_` and `\` in a search are literal characters, not patterns.
      params.push(`%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, filter.search);
      const [like, exact] = [`$${params.length - 1}`, `$${params.length}`];
      where.push(
        `(${['s', 'r']
          .map((p) => `lower(${p}.name) LIKE ${like} OR lower(coalesce(${p}.email, '')) LIKE ${like} OR ${p}.employee_id = ${exact}`)
          .join(' OR ')})`,
      );
    }
    const columns = DELIVERY_SORT[page.sort];
    const newest = (kind: string) => `LEFT JOIN LATERAL (
          SELECT d.mail_id, d.status, d.reason, d.attempts, d.updated_at FROM gateway.mail_delivery d
           WHERE d.assignment_id = a.id AND d.kind = '${kind}' ORDER BY d.created_at DESC, d.mail_id DESC LIMIT 1) ${kind === 'invitation' ? 'i' : 'rm'} ON true`;
    const matching = `
      SELECT a.id, a.subject_id, s.name AS subject_name, r.name AS rater_name, r.email AS rater_email, a.rater_group, a.status,
             i.mail_id AS i_mail_id, i.status AS i_status, i.reason AS i_reason, i.attempts AS i_attempts, i.updated_at AS i_updated_at,
             rm.mail_id AS r_mail_id, rm.status AS r_status, rm.reason AS r_reason, rm.attempts AS r_attempts, rm.updated_at AS r_updated_at,
             ${columns.map((c, i) => `${c.expression} AS k${i}`).join(', ')}
        FROM gateway.assignment a
        JOIN gateway.person s ON s.id = a.subject_id AND s.organisation_id = $2
        JOIN gateway.person r ON r.id = a.rater_person_id AND r.organisation_id = $2
        ${newest('invitation')}
        ${newest('reminder')}
       WHERE a.cycle_id = $1 AND a.revoked_at IS NULL ${where.map((w) => `AND ${w}`).join(' ')}`;
    const countParams = [...params];
    const order = page.direction === SortDirection.ASC ? 'ASC' : 'DESC';
    const keys = [...columns.map((_, i) => `m.k${i}`), 'm.id'];
    let after = '';
    if (page.after) {
      const values = Array.isArray(page.after.key) ? page.after.key : [page.after.key];
      const fits =
        values.length === columns.length &&
        values.every((v, i) =>
          columns[i].cast === 'text' || columns[i].cast === 'uuid'
            ? typeof v === 'string' && (columns[i].cast !== 'uuid' || isUuid(v))
            : typeof v === 'number' && Number.isFinite(v),
        );
      if (!fits)
        throw new InputError([{ field: 'after', message: 'is not a cursor of this list in this sort order (start again without it)' }]);
      const placeholders = values.map((value, i) => {
        params.push(value);
        return `$${params.length}::${columns[i].cast}`;
      });
      params.push(page.after.id);
      placeholders.push(`$${params.length}::uuid`);
      after = `WHERE (${keys.join(', ')}) ${order === 'ASC' ? '>' : '<'} (${placeholders.join(', ')})`;
    }
    let limit = '';
    if (page.first != null) {
      params.push(page.first + 1);
      limit = `LIMIT $${params.length}`;
    }
    // Without a filter on a mail, the count needs neither the people nor the mails.
    const count =
      where.length === 0
        ? this.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM gateway.assignment a WHERE a.cycle_id = $1 AND a.revoked_at IS NULL`,
            [cycleId],
          )
        : this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${matching}) m`, countParams);
    const [rows, counted] = await Promise.all([
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT m.* FROM (${matching}) m ${after} ORDER BY ${keys.map((k) => `${k} ${order}`).join(', ')} ${limit}`,
        params,
      ),
      count,
    ]);
    const state = (r: Record<string, unknown>, p: 'i' | 'r'): MailState | null =>
      r[`${p}_mail_id`] == null
        ? null
        : {
            mailId: r[`${p}_mail_id`] as string,
            status: r[`${p}_status`] as string,
            reason: r[`${p}_reason`] as string | null,
            attempts: r[`${p}_attempts`] as number,
            updatedAt: r[`${p}_updated_at`] as Date,
          };
    return {
      rows: rows.map((r) => ({
        assignmentId: r.id as string,
        subjectId: r.subject_id as string,
        subjectName: r.subject_name as string,
        raterName: r.rater_name as string,
        raterEmail: r.rater_email as string | null,
        group: r.rater_group as RaterGroupName,
        surveyStatus: r.status as string,
        invitation: state(r, 'i'),
        reminder: state(r, 'r'),
        sortKey: columns.map((_, i) => r[`k${i}`] as CursorValue),
      })),
      total: counted[0].n,
    };
  }

  /**
   * Per mail (the invitation, the latest reminder) and status, how many of the cycle's live
   * assignments: `none` for those without such a mail yet. One ordered read of the cycle's mails.
   */
  async totals(cycleId: string): Promise<{ kind: 'invitation' | 'reminder'; status: string; count: number }[]> {
    const rows = await this.dataSource.query<{ kind: 'invitation' | 'reminder'; status: string; count: number }[]>(
      `WITH live AS (SELECT count(*)::int AS n FROM gateway.assignment WHERE cycle_id = $1 AND revoked_at IS NULL),
            newest AS (
              SELECT DISTINCT ON (d.assignment_id, d.kind) d.kind, d.status
                FROM gateway.mail_delivery d JOIN gateway.assignment a ON a.id = d.assignment_id AND a.revoked_at IS NULL
               WHERE d.cycle_id = $1 AND d.assignment_id IS NOT NULL AND d.kind IN ('invitation', 'reminder')
               ORDER BY d.assignment_id, d.kind, d.created_at DESC, d.mail_id DESC),
            counted AS (SELECT kind, status, count(*)::int AS count FROM newest GROUP BY kind, status)
       SELECT kind, status, count FROM counted
       UNION ALL
       SELECT k.kind, 'none', (SELECT n FROM live) - coalesce((SELECT sum(count) FROM counted c WHERE c.kind = k.kind), 0)::int
         FROM (VALUES ('invitation'), ('reminder')) k(kind)`,
      [cycleId],
    );
    return rows.filter((r) => r.count > 0);
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
