import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { InputError } from '../common/errors';
import { chunks, isUuid } from '../common/ids';
import { CursorValue, PageRequest, SortDirection } from '../common/paging';
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

  approved(cycleId: string, manager?: EntityManager): Promise<NominationEntity[]> {
    return (manager?.getRepository(NominationEntity) ?? this.nominations).findBy({ cycleId, status: 'approved' });
  }

  find(cycleId: string, subjectId: string, raterId: string): Promise<NominationEntity | null> {
    return this.nominations.findOneBy({ cycleId, subjectId, raterId });
  }

  /** Adds proposals; a rater already nominated for the subject keeps their nomination as it is. */
  /** Inside the caller's transaction: all the proposals, or none. */
  async addProposals(manager: EntityManager, rows: NominationEntity[]): Promise<void> {
    for (const slice of chunks(rows))
      await manager.getRepository(NominationEntity).createQueryBuilder().insert().values(slice).orIgnore().execute();
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

  /** Inside the caller's transaction: approves every proposal of a subject and returns those it approved. */
  async approveProposed(manager: EntityManager, cycleId: string, subjectId: string): Promise<NominationEntity[]> {
    const rows: { id: string; raterId: string; raterGroup: NominationEntity['raterGroup']; source: NominationEntity['source'] }[] =
      await manager.query(
        `UPDATE "gateway"."nomination" SET "status" = 'approved' WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "status" = 'proposed'
         RETURNING "id", "rater_id" AS "raterId", "rater_group" AS "raterGroup", "source"`,
        [cycleId, subjectId],
      );
    // (a PostgreSQL UPDATE … RETURNING answers [rows, count] through TypeORM's query)
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows;
    return list.map((r) => ({ ...r, cycleId, subjectId, status: 'approved' as const }));
  }
}
