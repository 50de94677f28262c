import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { InputError } from '../common/errors';
import { chunks, isUuid } from '../common/ids';
import { CursorValue, PageRequest, personSearch, SortDirection } from '../common/paging';
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

/** A recorded mail as the outbox lists it, with its exact creation time as text (the cursor's key). */
export type OutboxMailRow = Pick<MailDeliveryEntity, 'mailId' | 'kind' | 'cycleId' | 'email' | 'content' | 'createdAt'> & {
  createdKey: string;
};

/** Whose outbox: the organisation's, or one of its cycles'. */
export interface OutboxScope {
  organisationId: string;
  cycleId: string | null;
}

/** The outbox's conditions besides the kind and the cursor, their parameters pushed onto `params`. */
function outboxWhere(scope: OutboxScope, params: unknown[]): string[] {
  params.push(scope.organisationId);
  const where = [`d.organisation_id = $${params.length}`, `d.status = 'recorded'`];
  if (scope.cycleId) {
    params.push(scope.cycleId);
    where.push(`d.cycle_id = $${params.length}`);
  }
  return where;
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
/** The rater's latest mail's status (the reminder once there is one), problems first (`assignment_mail_state.latest_rank`). */
const STATUS_ORDER = `coalesce(st.latest_rank, ${DELIVERY_STATUS_ORDER.indexOf('none') + 1})`;
/** When the latest mail last changed, in milliseconds since 1970 (0: no mail yet). */
const UPDATED = `coalesce(floor(extract(epoch FROM st.updated_at) * 1000), 0)::float8`;

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
   * locked, compared and overwritten only by a newer state. Then each assignment's newest
   * invitation and reminder (`assignment_mail_state`) are read again.
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
    await this.refreshAssignmentStates(manager, rows);
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
   * count of every assignment matching the filter. The newest invitation and reminder come from
   * `assignment_mail_state` (a status filter reads its index), each mail by its key; subjects and
   * raters are the organisation's.
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
      // Without `none`, a plain comparison: PostgreSQL reads the status's index of assignment_mail_state.
      const none = filter.statuses.includes('none');
      const of = (column: string) =>
        none ? `coalesce(st.${column}, 'none') = ANY($${params.length}::text[])` : `st.${column} = ANY($${params.length}::text[])`;
      where.push(
        filter.mail === 'INVITATION'
          ? of('invitation_status')
          : filter.mail === 'REMINDER'
            ? of('reminder_status')
            : `(${of('invitation_status')} OR ${of('reminder_status')})`,
      );
    }
    if (filter.group) {
      params.push(filter.group);
      where.push(`a.rater_group = $${params.length}`);
    }
    if (filter.search) where.push(personSearch(params, filter.search, ['s', 'r']));
    const columns = DELIVERY_SORT[page.sort];
    const matching = `
      SELECT a.id, a.subject_id, s.name AS subject_name, r.name AS rater_name, r.email AS rater_email, a.rater_group, a.status,
             i.mail_id AS i_mail_id, i.status AS i_status, i.reason AS i_reason, i.attempts AS i_attempts, i.updated_at AS i_updated_at,
             rm.mail_id AS r_mail_id, rm.status AS r_status, rm.reason AS r_reason, rm.attempts AS r_attempts, rm.updated_at AS r_updated_at,
             ${columns.map((c, i) => `${c.expression} AS k${i}`).join(', ')}
        FROM gateway.assignment a
        JOIN gateway.person s ON s.id = a.subject_id AND s.organisation_id = $2
        JOIN gateway.person r ON r.id = a.rater_person_id AND r.organisation_id = $2
        LEFT JOIN gateway.assignment_mail_state st ON st.assignment_id = a.id AND st.cycle_id = a.cycle_id
        LEFT JOIN gateway.mail_delivery i ON i.mail_id = st.invitation_mail_id
        LEFT JOIN gateway.mail_delivery rm ON rm.mail_id = st.reminder_mail_id
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
        throw new InputError([
          { field: 'after', message: 'is not a cursor of this list in this sort order (start again without it)', code: 'staleCursor' },
        ]);
      const placeholders = values.map((value, i) => {
        params.push(value);
        return `$${params.length}::${columns[i].cast}`;
      });
      params.push(page.after.id);
      placeholders.push(`$${params.length}::uuid`);
      // The first column alone as well: PostgreSQL takes it as an index bound (the subjects' or raters'
      // names in `person_by_name`), so a page deep in the list does not read the names before it.
      after = `WHERE (${keys.join(', ')}) ${order === 'ASC' ? '>' : '<'} (${placeholders.join(', ')}) AND m.k0 ${order === 'ASC' ? '>=' : '<='} ${placeholders[0]}`;
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
   * assignments: `none` for those without such a mail yet. Index-only counts of
   * `assignment_mail_state`, less the few revoked assignments.
   */
  async totals(cycleId: string): Promise<{ kind: 'invitation' | 'reminder'; status: string; count: number }[]> {
    const counted = (kind: string) =>
      `SELECT '${kind}' AS kind, st.${kind}_status AS status, count(*)::int AS count FROM gateway.assignment_mail_state st
        WHERE st.cycle_id = $1 AND st.${kind}_status IS NOT NULL AND NOT EXISTS (SELECT 1 FROM revoked WHERE revoked.id = st.assignment_id)
        GROUP BY st.${kind}_status`;
    const rows = await this.dataSource.query<{ kind: 'invitation' | 'reminder'; status: string; count: number }[]>(
      `WITH revoked AS (SELECT id FROM gateway.assignment WHERE cycle_id = $1 AND revoked_at IS NOT NULL),
            counted AS (${counted('invitation')} UNION ALL ${counted('reminder')}),
            live AS (SELECT count(*)::int AS n FROM gateway.assignment WHERE cycle_id = $1 AND revoked_at IS NULL)
       SELECT kind, status, count FROM counted
       UNION ALL
       SELECT k.kind, 'none', (SELECT n FROM live) - coalesce((SELECT sum(count) FROM counted c WHERE c.kind = k.kind), 0)::int
         FROM (VALUES ('invitation'), ('reminder')) k(kind)`,
      [cycleId],
    );
    return rows.filter((r) => r.count > 0);
  }

  /**
   * Keeps `assignment_mail_state` (each assignment's newest invitation and reminder, newest by
   * creation then mail id) in the transaction that stored the mails. The assignments' rows are
   * created if new, then locked in id order and only then read again from the mails: a transaction
   * storing another mail of the same assignment meanwhile holds the lock until it commits, so the
   * later one sees its mail, and the last to commit leaves the state right.
   */
  private async refreshAssignmentStates(manager: EntityManager, rows: DeliveryRow[]): Promise<void> {
    const cycles = new Map<string, string>();
    for (const r of rows) if (r.assignmentId && (r.kind === 'invitation' || r.kind === 'reminder')) cycles.set(r.assignmentId, r.cycleId);
    if (cycles.size === 0) return;
    const ids = [...cycles.keys()].sort();
    await manager.query(
      `INSERT INTO gateway.assignment_mail_state (assignment_id, cycle_id)
       SELECT x.id, x.cycle_id FROM unnest($1::uuid[], $2::uuid[]) x(id, cycle_id)
        WHERE EXISTS (SELECT 1 FROM gateway.assignment a WHERE a.id = x.id) ORDER BY x.id ON CONFLICT DO NOTHING`,
      [ids, ids.map((id) => cycles.get(id))],
    );
    await manager.query(
      `SELECT 1 FROM gateway.assignment_mail_state WHERE assignment_id = ANY($1::uuid[]) ORDER BY assignment_id FOR UPDATE`,
      [ids],
    );
    const newest = (kind: string) =>
      `LEFT JOIN LATERAL (SELECT d.mail_id, d.status, d.updated_at FROM gateway.mail_delivery d
                           WHERE d.assignment_id = m.assignment_id AND d.kind = '${kind}' ORDER BY d.created_at DESC, d.mail_id DESC LIMIT 1) ${kind[0]} ON true`;
    await manager.query(
      `UPDATE gateway.assignment_mail_state m
          SET (invitation_mail_id, invitation_status, reminder_mail_id, reminder_status, updated_at) =
              (SELECT i.mail_id, i.status, r.mail_id, r.status, greatest(i.updated_at, r.updated_at)
                 FROM (SELECT 1) one ${newest('invitation')} ${newest('reminder')})
        WHERE m.assignment_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * One page of the organisation's recorded mails (all, or one cycle's), newest first: keyset on
   * (created_at, mail_id), both descending (`first + 1` rows, so the caller knows whether more
   * follow). Each of `kinds` is read from `mail_delivery_outbox` (or `…_by_cycle`) in that order,
   * `first + 1` index entries at most, and the newest of them are kept: one ordered index range per
   * kind instead of every mail of the cycle. `createdKey` is the exact creation time (microseconds,
   * UTC) the cursor carries.
   */
  outboxPage(
    scope: OutboxScope,
    kinds: string[],
    page: { first: number; after: { createdKey: string; mailId: string } | null },
  ): Promise<OutboxMailRow[]> {
    const params: unknown[] = [kinds];
    const where = outboxWhere(scope, params);
    if (page.after) {
      params.push(page.after.createdKey, page.after.mailId);
      where.push(`(d.created_at, d.mail_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.first + 1);
    const limit = `$${params.length}`;
    return this.dataSource.query<OutboxMailRow[]>(
      `WITH newest AS (
         SELECT x.mail_id FROM unnest($1::text[]) AS k(kind)
         CROSS JOIN LATERAL (SELECT d.created_at, d.mail_id FROM gateway.mail_delivery d
                              WHERE ${where.join(' AND ')} AND d.kind = k.kind
                              ORDER BY d.created_at DESC, d.mail_id DESC LIMIT ${limit}) x
         ORDER BY x.created_at DESC, x.mail_id DESC LIMIT ${limit})
       SELECT d.mail_id AS "mailId", d.kind, d.cycle_id AS "cycleId", d.email, d.content, d.created_at AS "createdAt",
              to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdKey"
         FROM newest JOIN gateway.mail_delivery d ON d.mail_id = newest.mail_id
        ORDER BY d.created_at DESC, d.mail_id DESC`,
      params,
    );
  }

  /**
   * How many recorded mails of `kinds` the scope has: an index-only count of the same index, about
   * as long as the mails are many (a few ms for one kind's 10,000, 0.1 s for a cycle's 300,000).
   */
  async outboxCount(scope: OutboxScope, kinds: string[]): Promise<number> {
    const params: unknown[] = [kinds];
    const where = outboxWhere(scope, params);
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM gateway.mail_delivery d WHERE ${where.join(' AND ')} AND d.kind = ANY($1::text[])`,
      params,
    );
    return row.n;
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
