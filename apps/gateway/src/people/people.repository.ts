import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { chunks } from '../common/ids';
import { CycleSubjectEntity } from '../cycles/cycle.entity';
import { PageRequest, SortDirection } from '../common/paging';
import { Person, PeopleSortKey } from './dto/person.model';
import { PersonEntity } from './person.entity';

export interface PeopleFilter {
  search?: string | null;
  leadersOfLeadersOnly?: boolean | null;
  ids?: string[];
  /** Only the subjects of this cycle. */
  cycleId?: string;
}

export type DirectoryRow = Pick<PersonEntity, 'employeeId' | 'name' | 'email' | 'managerEmployeeId' | 'title' | 'department'>;

/** The organisation directory's data: people and their reporting lines. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get people() {
    return this.dataSource.getRepository(PersonEntity);
  }

  findInOrganisation(organisationId: string, ids?: string[]): Promise<PersonEntity[]> {
    if (ids && ids.length === 0) return Promise.resolve([]);
    return this.people.findBy(ids ? { organisationId, id: In(ids) } : { organisationId });
  }

  findOne(organisationId: string, id: string): Promise<PersonEntity | null> {
    return this.people.findOneBy({ id, organisationId });
  }

  findByEmail(organisationId: string, email: string): Promise<PersonEntity | null> {
    return this.people
      .createQueryBuilder('p')
      .where('p.organisationId = :organisationId', { organisationId })
      .andWhere('lower(p.email) = lower(:email)', { email })
      .getOne();
  }

  /** These people of the organisation (all of them, however many), as `list` describes them. */
  byIds(organisationId: string, ids: string[]): Promise<Person[]> {
    return ids.length ? this.list(organisationId, { ids }) : Promise.resolve([]);
  }

  /** The same, by id. */
  async mapByIds(organisationId: string, ids: Iterable<string>): Promise<Map<string, Person>> {
    return new Map((await this.byIds(organisationId, [...new Set(ids)])).map((p) => [p.id, p]));
  }

  /**
   * People with how many report to each and whether they lead leaders. Pages of at most 5,000
   * when browsing; every one asked for when `ids` are given.
   */
  async list(organisationId: string, filter: PeopleFilter, limit = 500, offset = 0): Promise<Person[]> {
    const qb = this.directoryQuery(organisationId, filter).orderBy('p.name').addOrderBy('p.id');
    if (!filter.ids) qb.limit(Math.min(Math.max(limit, 1), 5000)).offset(Math.max(offset, 0));
    return toPeople(await qb.getRawMany());
  }

  /**
   * One page of the directory, filtered and sorted in PostgreSQL with keyset paging on the sort
   * key and the id (`first + 1` rows, so the caller knows whether more follow), and the count of
   * everyone matching the filter.
   */
  async page(
    organisationId: string,
    filter: PeopleFilter & { department?: string | null },
    page: PageRequest<PeopleSortKey>,
  ): Promise<{ rows: Person[]; total: number }> {
    const column = page.sort === PeopleSortKey.EMPLOYEE_ID ? 'p.employeeId' : 'p.name';
    const order = page.direction === SortDirection.ASC ? 'ASC' : 'DESC';
    const qb = this.directoryQuery(organisationId, filter).addSelect(column, 'sortKey');
    if (filter.department) qb.andWhere('p.department = :department', { department: filter.department });
    const total = qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    if (page.after) {
      qb.andWhere(`(${column}, p.id) ${order === 'ASC' ? '>' : '<'} (:afterKey, CAST(:afterId AS uuid))`, {
        afterKey: String(page.after.key),
        afterId: page.after.id,
      });
    }
    qb.orderBy(column, order).addOrderBy('p.id', order);
    if (page.first != null) qb.limit(page.first + 1);
    const [rows, count] = await Promise.all([qb.getRawMany<Parameters<typeof toPeople>[0][number]>(), total]);
    return { rows: toPeople(rows), total: count?.n ?? 0 };
  }

  private directoryQuery(organisationId: string, filter: PeopleFilter): SelectQueryBuilder<PersonEntity> {
    const qb = this.people.createQueryBuilder('p');
    const leadsLeaders = `EXISTS ${this.leadersOfLeaders(qb)}`;
    qb.select(['p.id AS "id"', 'p.employeeId AS "employeeId"', 'p.name AS "name"', 'p.email AS "email"', 'p.title AS "title"'])
      .addSelect(['p.department AS "department"', 'p.managerId AS "managerId"'])
      .addSelect((sub) => sub.select('count(*)').from(PersonEntity, 'r').where('r.managerId = p.id'), 'directReportCount')
      .addSelect(leadsLeaders, 'isLeaderOfLeaders')
      .where('p.organisationId = :organisationId', { organisationId });
    if (filter.search) {
      // `%`, `_` and `\` in a search are literal characters, not patterns.
      const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        "(lower(p.name) LIKE :pattern ESCAPE '\\' OR lower(coalesce(p.email, '')) LIKE :pattern ESCAPE '\\' OR p.employeeId = :search)",
        { pattern, search: filter.search },
      );
    }
    if (filter.ids) qb.andWhere('p.id = ANY(CAST(:ids AS uuid[]))', { ids: filter.ids });
    if (filter.cycleId) {
      const inCycle = qb
        .subQuery()
        .select('1')
        .from(CycleSubjectEntity, 'cs')
        .where('cs.cycleId = :cycleId', { cycleId: filter.cycleId })
        .andWhere('cs.personId = p.id')
        .getQuery();
      qb.andWhere(`EXISTS ${inCycle}`, { cycleId: filter.cycleId });
    }
    if (filter.leadersOfLeadersOnly) qb.andWhere(leadsLeaders);
    return qb;
  }

  private leadersOfLeaders(qb: SelectQueryBuilder<PersonEntity>): string {
    return qb
      .subQuery()
      .select('1')
      .from(PersonEntity, 'r')
      .innerJoin(PersonEntity, 'rr', 'rr.managerId = r.id')
      .where('r.managerId = p.id')
      .getQuery();
  }

  /**
   * Writes an import: the changed rows (e-mails cleared first, so swapped addresses do not trip
   * the unique index), then every reporting line re-linked from employee ids to person ids.
   */
  async applyImport(
    manager: EntityManager,
    organisationId: string,
    changed: (DirectoryRow & { id: string })[],
    onChunk?: (rowsWritten: number) => Promise<void>,
  ): Promise<void> {
    const repo = manager.getRepository(PersonEntity);
    if (changed.length) await repo.update({ organisationId, employeeId: In(changed.map((r) => r.employeeId)) }, { email: null });
    let written = 0;
    for (const slice of chunks(changed)) {
      await repo.upsert(
        slice.map((row) => ({ ...row, organisationId, managerId: null })),
        ['organisationId', 'employeeId'],
      );
      written += slice.length;
      await onChunk?.(written);
    }
    const managerOf = repo
      .createQueryBuilder()
      .subQuery()
      .select('m.id')
      .from(PersonEntity, 'm')
      .where('m.organisationId = person.organisation_id')
      .andWhere('m.employeeId = person.manager_employee_id')
      .getQuery();
    await repo
      .createQueryBuilder()
      .update()
      .set({ managerId: () => managerOf, updatedAt: () => 'now()' })
      .where('organisation_id = :organisationId', { organisationId })
      .andWhere(`manager_id IS DISTINCT FROM ${managerOf}`)
      .execute();
  }
}

function toPeople(
  rows: (Omit<Person, 'directReportCount'> & { directReportCount: string; sortKey?: string })[],
): (Person & { sortKey?: string })[] {
  return rows.map((r) => ({ ...r, directReportCount: Number(r.directReportCount) }));
}
