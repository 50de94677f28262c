import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { InputError } from '../common/errors';
import { chunks, isUuid } from '../common/ids';
import { CursorValue, PageRequest, personSearch, SortDirection } from '../common/paging';
import { NominationSortKey } from './dto/nomination.model';
import { NominationEntity } from './nomination.entity';

/** What a page of nominations may be narrowed to. */
export interface NominationPageFilter {
  subjectId?: string | null;
  statuses?: NominationEntity['status'][] | null;
  group?: NominationEntity['raterGroup'] | null;
  search?: string | null;
}

/** A nomination row of a page, with the values its cursor is made of. */
export type NominationPageRow = NominationEntity & { sortKey: CursorValue[] };

/** The group's place in the usual order (self, manager, peer, direct_report, skip_level, other). */
const GROUP_ORDER = `array_position(ARRAY[${RATER_GROUPS.map((g) => `'${g}'`).join(', ')}]::text[], n.rater_group)`;

/**
 * Each sort as the columns it orders by (all in one direction); the nomination's id breaks ties.
 * Ids stay uuids (not text) so PostgreSQL can read the subjects in `person_by_name` order and stop
 * at the page's end instead of sorting the whole cycle.
 */
const NOMINATION_SORT: Record<NominationSortKey, { expression: string; cast: string }[]> = {
  [NominationSortKey.SUBJECT]: [
    { expression: 's.name', cast: 'text' },
    { expression: 's.id', cast: 'uuid' },
    { expression: GROUP_ORDER, cast: 'int' },
    { expression: 'r.name', cast: 'text' },
  ],
  [NominationSortKey.RATER]: [
    { expression: 'r.name', cast: 'text' },
    { expression: 'r.id', cast: 'uuid' },
  ],
  [NominationSortKey.GROUP]: [
    { expression: GROUP_ORDER, cast: 'int' },
    { expression: 's.name', cast: 'text' },
    { expression: 's.id', cast: 'uuid' },
    { expression: 'r.name', cast: 'text' },
  ],
};

/** Who rates whom: proposed, nominated and approved raters per subject. */
@Injectable()
export class NominationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get nominations() {
    return this.dataSource.getRepository(NominationEntity);
  }

  of(cycleId: string, subjectId?: string | null): Promise<NominationEntity[]> {
    return this.nominations.findBy(subjectId ? { cycleId, subjectId } : { cycleId });
  }

  /**
   * One page of a cycle's nominations, filtered and sorted in PostgreSQL with keyset paging on the
   * sort's columns and the id (`first + 1` rows, so the caller knows whether more follow), and the
   * count of every nomination matching the filter. Subjects and raters are the organisation's.
   */
  async page(
    organisationId: string,
    cycleId: string,
    filter: NominationPageFilter,
    page: PageRequest<NominationSortKey>,
  ): Promise<{ rows: NominationPageRow[]; total: number }> {
    const params: unknown[] = [cycleId, organisationId];
    const where: string[] = [];
    if (filter.subjectId) {
      params.push(filter.subjectId);
      where.push(`n.subject_id = $${params.length}::uuid`);
    }
    if (filter.statuses?.length) {
      params.push(filter.statuses);
      where.push(`n.status = ANY($${params.length}::text[])`);
    }
    if (filter.group) {
      params.push(filter.group);
      where.push(`n.rater_group = $${params.length}`);
    }
    if (filter.search) where.push(personSearch(params, filter.search, ['s', 'r']));
    const columns = NOMINATION_SORT[page.sort];
    const matching = `
      SELECT n.id, n.cycle_id, n.subject_id, n.rater_id, n.rater_group, n.source, n.status,
             ${columns.map((c, i) => `${c.expression} AS k${i}`).join(', ')}
        FROM gateway.nomination n
        JOIN gateway.person s ON s.id = n.subject_id AND s.organisation_id = $2
        JOIN gateway.person r ON r.id = n.rater_id AND r.organisation_id = $2
       WHERE n.cycle_id = $1 ${where.map((w) => `AND ${w}`).join(' ')}`;
    const countParams = [...params];
    const order = page.direction === SortDirection.ASC ? 'ASC' : 'DESC';
    const keys = [...columns.map((_, i) => `m.k${i}`), 'm.id'];
    let after = '';
    if (page.after) {
      const values = Array.isArray(page.after.key) ? page.after.key : [page.after.key];
      const fits =
        values.length === columns.length &&
        values.every((v, i) =>
          columns[i].cast === 'int' ? typeof v === 'number' : typeof v === 'string' && (columns[i].cast !== 'uuid' || isUuid(v)),
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
      after = `WHERE (${keys.join(', ')}) ${order === 'ASC' ? '>' : '<'} (${placeholders.join(', ')})`;
    }
    let limit = '';
    if (page.first != null) {
      params.push(page.first + 1);
      limit = `LIMIT $${params.length}`;
    }
    type Raw = { id: string; subjectId: string; raterId: string; raterGroup: NominationEntity['raterGroup'] } & Record<string, unknown>;
    const [rows, count] = await Promise.all([
      this.dataSource.query<Raw[]>(
        `SELECT m.id, m.cycle_id AS "cycleId", m.subject_id AS "subjectId", m.rater_id AS "raterId", m.rater_group AS "raterGroup",
                m.source, m.status, ${columns.map((_, i) => `m.k${i}`).join(', ')}
           FROM (${matching}) m ${after} ORDER BY ${keys.map((k) => `${k} ${order}`).join(', ')} ${limit}`,
        params,
      ),
      this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${matching}) m`, countParams),
    ]);
    return {
      rows: rows.map((r) => ({
        id: r.id,
        cycleId: r.cycleId as string,
        subjectId: r.subjectId,
        raterId: r.raterId,
        raterGroup: r.raterGroup,
        source: r.source as NominationEntity['source'],
        status: r.status as NominationEntity['status'],
        sortKey: columns.map((_, i) => r[`k${i}`] as CursorValue),
      })),
      total: count[0].n,
    };
  }

  /** The cycle's approved nominations (plain rows: a launch reads 150,000 of them at 10,000 subjects). */
  approved(cycleId: string, manager?: EntityManager): Promise<NominationEntity[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT id, cycle_id AS "cycleId", subject_id AS "subjectId", rater_id AS "raterId", rater_group AS "raterGroup", source, status
       FROM "gateway"."nomination" WHERE cycle_id = $1 AND status = 'approved'`,
      [cycleId],
    );
  }

  /** The approved nominations of some of the cycle's subjects (a slice of a launch), in the caller's transaction. */
  approvedOf(manager: EntityManager, cycleId: string, subjectIds: string[]): Promise<NominationEntity[]> {
    return manager.query(
      `SELECT id, cycle_id AS "cycleId", subject_id AS "subjectId", rater_id AS "raterId", rater_group AS "raterGroup", source, status
       FROM "gateway"."nomination" WHERE cycle_id = $1 AND subject_id = ANY($2::uuid[]) AND status = 'approved'
       ORDER BY subject_id, rater_group, rater_id`,
      [cycleId, subjectIds],
    );
  }

  find(cycleId: string, subjectId: string, raterId: string): Promise<NominationEntity | null> {
    return this.nominations.findOneBy({ cycleId, subjectId, raterId });
  }

  /** Adds proposals; a rater already nominated for the subject keeps their nomination as it is. */
  /** Inside the caller's transaction: all the proposals, or none. */
  /**
   * Inside the caller's transaction: adds proposals, keeping any nomination the subject already has
   * of the same rater. Answers how many were added and the subjects they were added for.
   */
  async addProposals(manager: EntityManager, rows: NominationEntity[]): Promise<{ added: number; subjectIds: string[] }> {
    let added = 0;
    const subjectIds = new Set<string>();
    // 10,000 rows per statement, as arrays (7 parameters, whatever the number of rows).
    for (const slice of chunks(rows, 10000)) {
      const [inserted]: { added: number; subjectIds: string[] | null }[] = await manager.query(
        `WITH i AS (
           INSERT INTO "gateway"."nomination" (id, cycle_id, subject_id, rater_id, rater_group, source, status)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[])
           ON CONFLICT DO NOTHING
           RETURNING subject_id
         )
         SELECT count(*)::int AS added, array_agg(DISTINCT subject_id) AS "subjectIds" FROM i`,
        [
          slice.map((r) => r.id),
          slice.map((r) => r.cycleId),
          slice.map((r) => r.subjectId),
          slice.map((r) => r.raterId),
          slice.map((r) => r.raterGroup),
          slice.map((r) => r.source),
          slice.map((r) => r.status),
        ],
      );
      added += inserted.added;
      for (const id of inserted.subjectIds ?? []) subjectIds.add(id);
    }
    return { added, subjectIds: [...subjectIds] };
  }

  /** The nominations of a cycle (or of one of its subjects) per status. */
  async statusCounts(cycleId: string, subjectId: string | null): Promise<Record<NominationEntity['status'], number>> {
    const rows: { status: NominationEntity['status']; count: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM "gateway"."nomination"
       WHERE cycle_id = $1 AND ($2::uuid IS NULL OR subject_id = $2::uuid) GROUP BY status`,
      [cycleId, subjectId],
    );
    const counts = { proposed: 0, approved: 0, removed: 0 };
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /** Inside the caller's transaction: a subject's nomination of one rater, row-locked until it ends. */
  findForUpdate(manager: EntityManager, cycleId: string, subjectId: string, raterId: string): Promise<NominationEntity | null> {
    return manager.getRepository(NominationEntity).findOne({ where: { cycleId, subjectId, raterId }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: NominationEntity): Promise<void> {
    await manager.getRepository(NominationEntity).upsert(row, ['cycleId', 'subjectId', 'raterId']);
  }

  async remove(manager: EntityManager, id: string, source: NominationEntity['source']): Promise<void> {
    await manager.getRepository(NominationEntity).update({ id }, { status: 'removed', source });
  }

  /**
   * Approves every proposal of a subject (or, with `subjectId` null, of every subject of the
   * cycle), with one `nomination.approved` audit record per
   * nomination approved, in one statement (so one transaction, and one round trip while the locks
   * are held): it share-locks the cycle's row and changes nothing unless the cycle is a draft, then
   * row-locks the proposals in id order (two approvals of the same subject at once queue on the
   * same first row, and the second finds none left proposed), approves them and writes their
   * records in that order. Answers the cycle's status, how many were approved and for how many subjects.
   */
  async approveProposed(
    cycleId: string,
    subjectId: string | null,
    by: { organisationId: string; accountId: string | null },
  ): Promise<{ cycleStatus: string | null; approved: number; subjects: number }> {
    // Counted in PostgreSQL: a whole cycle's 150,000 approvals never travel to the gateway.
    const [row]: { cycleStatus: string | null; approved: number; subjects: number }[] = await this.dataSource.query(
      `WITH c AS (SELECT status FROM "gateway"."cycle" WHERE id = $1 FOR SHARE),
         p AS (
           SELECT id FROM "gateway"."nomination"
           WHERE cycle_id = $1 AND ($2::uuid IS NULL OR subject_id = $2::uuid) AND status = 'proposed' AND (SELECT status FROM c) = 'draft'
           ORDER BY id FOR UPDATE
         ),
         u AS (
           UPDATE "gateway"."nomination" n SET status = 'approved' FROM p WHERE n.id = p.id
           RETURNING n.id, n.subject_id, n.rater_id, n.rater_group
         ),
         a AS (
           INSERT INTO "gateway"."audit_event" (organisation_id, account_id, action, target, detail)
           SELECT $3::uuid, $4::uuid, 'nomination.approved', 'nomination:' || u.id,
                  jsonb_build_object('cycleId', $1::text, 'subjectId', u.subject_id, 'raterId', u.rater_id, 'toGroup', u.rater_group,
                                     'fromStatus', 'proposed', 'toStatus', 'approved')
           FROM u ORDER BY u.id
           RETURNING 1
         )
         SELECT (SELECT status FROM c) AS "cycleStatus", (SELECT count(*) FROM a) AS audited,
                (SELECT count(*)::int FROM u) AS approved, (SELECT count(DISTINCT subject_id)::int FROM u) AS subjects`,
      [cycleId, subjectId, by.organisationId, by.accountId],
    );
    return { cycleStatus: row?.cycleStatus ?? null, approved: row?.approved ?? 0, subjects: row?.subjects ?? 0 };
  }
}
