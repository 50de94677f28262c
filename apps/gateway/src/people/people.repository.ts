import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CycleSubjectEntity } from '../cycles/cycle.entity';
import { containsPattern, PageRequest, SortDirection } from '../common/paging';
import { Colleague } from './dto/colleague.model';
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

  /**
   * Colleagues a leader may propose, found by a part of their name (`%`, `_` and `\` taken
   * literally): people of the organisation not erased, but the leader, by name then id, keyset
   * paged (`first + 1` rows). Only what a leader may see of them: id, name, title, department.
   */
  colleagues(
    organisationId: string,
    search: string,
    leaderId: string,
    page: PageRequest<string> & { first: number },
  ): Promise<Colleague[]> {
    const params: unknown[] = [organisationId, leaderId, containsPattern(search)];
    let after = '';
    if (page.after) {
      params.push(String(page.after.key), page.after.id);
      after = `AND (name, id) > ($4, $5::uuid)`;
    }
    params.push(page.first + 1);
    return this.dataSource.query(
      `SELECT id, name, title, department FROM "gateway"."person"
       WHERE organisation_id = $1 AND erased_at IS NULL AND id <> $2 AND lower(name) LIKE $3 ESCAPE '\\' ${after}
       ORDER BY name, id LIMIT $${params.length}`,
      params,
    );
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
      const pattern = containsPattern(filter.search);
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
   * The reporting lines around these subjects, as a rater proposal reads them: each subject, their
   * manager, everyone reporting to the subject, to the subject's reports, or to the subject's
   * manager (peers). One statement on the manager index, whatever the organisation's size.
   */
  neighbourhood(
    organisationId: string,
    subjectIds: string[],
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<{ id: string; managerId: string | null }[]> {
    if (subjectIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `WITH s AS (SELECT id, manager_id FROM "gateway"."person" WHERE organisation_id = $1 AND id = ANY($2::uuid[])),
            r AS (SELECT p.id, p.manager_id FROM "gateway"."person" p WHERE p.manager_id IN (SELECT id FROM s UNION SELECT manager_id FROM s)),
            sk AS (SELECT p.id, p.manager_id FROM "gateway"."person" p WHERE p.manager_id IN (SELECT r.id FROM r JOIN s ON r.manager_id = s.id)),
            m AS (SELECT p.id, p.manager_id FROM "gateway"."person" p WHERE p.id IN (SELECT manager_id FROM s))
       SELECT id, manager_id AS "managerId" FROM (SELECT * FROM s UNION SELECT * FROM r UNION SELECT * FROM sk UNION SELECT * FROM m) n`,
      [organisationId, subjectIds],
    );
  }

  /**
   * The organisation's directory as an import compares it: every person, by employee id, and
   * whether they name a manager they are not linked to (one not yet in the directory).
   */
  async directoryOf(organisationId: string): Promise<(DirectoryRow & { id: string; unlinked: boolean })[]> {
    return this.dataSource.query(
      `SELECT id, employee_id AS "employeeId", name, email, manager_employee_id AS "managerEmployeeId", title, department,
              (manager_id IS NULL AND manager_employee_id IS NOT NULL) AS unlinked
       FROM "gateway"."person" WHERE organisation_id = $1`,
      [organisationId],
    );
  }

  /**
   * Writes an import inside the caller's transaction: first the e-mails of the people whose address
   * changes are cleared (so swapped addresses do not trip the unique index), then the changed rows
   * (each slice's records made by `record` as the slice is written, so only one slice of them is
   * held), each slice in one `INSERT … SELECT FROM unnest … ON CONFLICT DO UPDATE` with its
   * reporting line already linked (`changed` lists managers before their reports, `managerId`
   * set), and last, when `linkOutsiders`, the reporting lines of people outside the file whose
   * manager arrived with it.
   *
   * Each column of a slice travels as one text parameter, its values joined by a control character
   * that none of them holds and split again by `string_to_array` (null as the empty string: no value
   * of an import is empty), which costs the gateway a `join` where an array parameter costs quoting
   * and escaping every element (a third of the gateway's time in the apply at 102,001 people). A
   * slice with a value holding that character, or an empty one, is sent as arrays.
   */
  async applyImport<T>(
    manager: EntityManager,
    organisationId: string,
    changed: T[],
    record: (row: T) => DirectoryRow & { id: string; managerId: string | null },
    clearEmailsOf: string[],
    linkOutsiders: boolean,
    sliceRows: number,
    onSlice?: (rowsWritten: number) => Promise<void>,
  ): Promise<void> {
    if (clearEmailsOf.length)
      await manager.query(
        `UPDATE "gateway"."person" SET email = NULL WHERE organisation_id = $1 AND employee_id = ANY($2::text[]) AND email IS NOT NULL`,
        [organisationId, clearEmailsOf],
      );
    const keys = ['id', 'employeeId', 'name', 'email', 'title', 'department', 'managerEmployeeId', 'managerId'] as const;
    const types = ['uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'uuid'];
    let written = 0;
    for (let i = 0; i < changed.length; i += sliceRows) {
      const slice = changed.slice(i, i + sliceRows).map(record);
      const joined = keys.map((key) => joinColumn(slice, key));
      const asText = joined.every((c) => c !== null);
      const columns = asText
        ? types.map((type, k) => `string_to_array($${k + 2}, $10, '')::${type}[]`)
        : types.map((type, k) => `$${k + 2}::${type}[]`);
      await manager.query(
        `INSERT INTO "gateway"."person" (id, organisation_id, employee_id, name, email, title, department, manager_employee_id, manager_id)
         SELECT r.id, $1, r.employee_id, r.name, r.email, r.title, r.department, r.manager_employee_id, r.manager_id
         FROM unnest(${columns.join(', ')})
           AS r(id, employee_id, name, email, title, department, manager_employee_id, manager_id)
         ON CONFLICT (organisation_id, employee_id) DO UPDATE SET
           name = EXCLUDED.name, email = EXCLUDED.email, title = EXCLUDED.title, department = EXCLUDED.department,
           manager_employee_id = EXCLUDED.manager_employee_id, manager_id = EXCLUDED.manager_id, updated_at = now()`,
        asText ? [organisationId, ...joined, SEPARATOR] : [organisationId, ...keys.map((key) => slice.map((r) => r[key]))],
      );
      written += slice.length;
      await onSlice?.(written);
    }
    if (!linkOutsiders) return;
    // People not in the file whose manager's employee id names someone only now imported.
    await manager.query(
      `UPDATE "gateway"."person" p SET manager_id = m.id, updated_at = now()
       FROM "gateway"."person" m
       WHERE p.organisation_id = $1 AND p.manager_id IS NULL AND p.manager_employee_id IS NOT NULL
         AND m.organisation_id = $1 AND m.employee_id = p.manager_employee_id`,
      [organisationId],
    );
  }
}

/** The unit separator: joins a column's values for `string_to_array`. */
const SEPARATOR = '\u001f';

/**
 * A column's values joined by SEPARATOR (null as the empty string), or null when a value is empty or
 * holds SEPARATOR (the join could then not be split back into the same values).
 */
function joinColumn<R, K extends keyof R>(rows: R[], key: K): string | null {
  const values = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][key] as unknown as string | null;
    if (value === '') return null;
    values[i] = value ?? '';
  }
  const text = values.join(SEPARATOR);
  let separators = 0;
  for (let at = text.indexOf(SEPARATOR); at >= 0; at = text.indexOf(SEPARATOR, at + 1)) separators++;
  return separators === rows.length - 1 ? text : null;
}

function toPeople(
  rows: (Omit<Person, 'directReportCount'> & { directReportCount: string; sortKey?: string })[],
): (Person & { sortKey?: string })[] {
  return rows.map((r) => ({ ...r, directReportCount: Number(r.directReportCount) }));
}
