import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { InputError } from '../common/errors';
import { ImportAction, ImportPeopleResult, ImportRowError, Person } from './dto/person.model';
import { PersonEntity } from './person.entity';

const MAX_CSV_BYTES = 5 * 1024 * 1024;
const COLUMNS = ['employee_id', 'name', 'email', 'manager_id', 'title', 'department'] as const;

interface Row {
  line: number;
  employeeId: string;
  name: string;
  email: string | null;
  managerEmployeeId: string | null;
  title: string | null;
  department: string | null;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Imports the organisation directory from an HRIS-style CSV (columns employee_id, name, email,
   * manager_id, title, department). Re-importing the same file changes nothing. With any row error
   * nothing is applied; `dryRun` previews without applying.
   */
  async importPeople(viewer: Viewer, csv: string, dryRun: boolean): Promise<ImportPeopleResult> {
    if (Buffer.byteLength(csv, 'utf8') > MAX_CSV_BYTES) throw new InputError([{ field: 'csv', message: `is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB` }]);
    const errors: ImportRowError[] = [];
    let records: string[][];
    try {
      records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: false, bom: true });
    } catch (error) {
      const e = error as { lines?: number; message: string };
      return this.result(dryRun, [{ line: e.lines ?? 1, column: '*', reason: `not valid CSV: ${e.message}` }], [], new Map());
    }
    if (records.length === 0) throw new InputError([{ field: 'csv', message: 'is empty: expected a header row and one row per person' }]);
    const header = records[0].map((h) => h.toLowerCase());
    for (const required of ['employee_id', 'name']) {
      if (!header.includes(required)) errors.push({ line: 1, column: required, reason: 'required column is missing' });
    }
    for (const h of header) {
      if (!(COLUMNS as readonly string[]).includes(h)) errors.push({ line: 1, column: h, reason: `unknown column (expected ${COLUMNS.join(', ')})` });
    }
    if (errors.length) return this.result(dryRun, errors, [], new Map());

    const cell = (record: string[], column: string) => {
      const i = header.indexOf(column);
      const value = i >= 0 ? record[i]?.trim() : '';
      return value ? value : null;
    };
    const rows: Row[] = records.slice(1).map((record, i) => ({
      line: i + 2,
      employeeId: cell(record, 'employee_id') ?? '',
      name: cell(record, 'name') ?? '',
      email: cell(record, 'email')?.toLowerCase() ?? null,
      managerEmployeeId: cell(record, 'manager_id'),
      title: cell(record, 'title'),
      department: cell(record, 'department'),
    }));

    const existing = new Map(
      (await this.dataSource.getRepository(PersonEntity).findBy({ organisationId: viewer.organisationId })).map((p) => [p.employeeId, p]),
    );
    const seenIds = new Map<string, number>();
    const seenEmails = new Map<string, number>();
    for (const row of rows) {
      if (!row.employeeId) errors.push({ line: row.line, column: 'employee_id', reason: 'is empty' });
      else if (row.employeeId.length > 100) errors.push({ line: row.line, column: 'employee_id', reason: 'is longer than 100 characters' });
      else if (seenIds.has(row.employeeId)) errors.push({ line: row.line, column: 'employee_id', reason: `duplicates line ${seenIds.get(row.employeeId)}` });
      else seenIds.set(row.employeeId, row.line);
      if (!row.name) errors.push({ line: row.line, column: 'name', reason: 'is empty' });
      else if (row.name.length > 200) errors.push({ line: row.line, column: 'name', reason: 'is longer than 200 characters' });
      if (row.email) {
        if (!isEmail(row.email)) errors.push({ line: row.line, column: 'email', reason: `"${row.email}" is not an e-mail address` });
        else if (seenEmails.has(row.email)) errors.push({ line: row.line, column: 'email', reason: `is also used on line ${seenEmails.get(row.email)}` });
        else seenEmails.set(row.email, row.line);
      }
    }
    const known = (id: string) => seenIds.has(id) || existing.has(id);
    for (const row of rows) {
      if (!row.managerEmployeeId) continue;
      if (row.managerEmployeeId === row.employeeId) errors.push({ line: row.line, column: 'manager_id', reason: 'a person cannot be their own manager' });
      else if (!known(row.managerEmployeeId)) errors.push({ line: row.line, column: 'manager_id', reason: `no person with employee_id "${row.managerEmployeeId}"` });
    }
    if (errors.length === 0) errors.push(...this.reportingCycles(rows, existing));

    const actions = new Map<number, ImportAction>();
    for (const row of rows) {
      const before = existing.get(row.employeeId);
      if (!before) actions.set(row.line, ImportAction.CREATE);
      else if (
        before.name !== row.name ||
        before.email !== row.email ||
        before.managerEmployeeId !== row.managerEmployeeId ||
        before.title !== row.title ||
        before.department !== row.department
      ) actions.set(row.line, ImportAction.UPDATE);
      else actions.set(row.line, ImportAction.UNCHANGED);
    }
    if (errors.length > 0 || dryRun) return this.result(dryRun, errors, rows, actions);

    await this.outbox.transact(async ({ manager }) => {
      await this.apply(manager, viewer.organisationId, rows, existing, actions);
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'people.imported',
        target: `organisation:${viewer.organisationId}`,
        detail: { rows: rows.length },
      });
    });
    return { ...this.result(false, [], rows, actions), applied: true };
  }

  private reportingCycles(rows: Row[], existing: Map<string, PersonEntity>): ImportRowError[] {
    const managerOf = new Map<string, string | null>();
    for (const [id, p] of existing) managerOf.set(id, p.managerEmployeeId);
    for (const row of rows) managerOf.set(row.employeeId, row.managerEmployeeId);
    const errors: ImportRowError[] = [];
    for (const row of rows) {
      const seen = new Set<string>([row.employeeId]);
      let current = managerOf.get(row.employeeId) ?? null;
      while (current) {
        if (seen.has(current)) {
          errors.push({ line: row.line, column: 'manager_id', reason: 'reporting lines form a loop' });
          break;
        }
        seen.add(current);
        current = managerOf.get(current) ?? null;
      }
    }
    return errors;
  }

  private async apply(manager: EntityManager, organisationId: string, rows: Row[], existing: Map<string, PersonEntity>, actions: Map<number, ImportAction>) {
    const repo = manager.getRepository(PersonEntity);
    const ids = new Map<string, string>([...existing].map(([employeeId, p]) => [employeeId, p.id]));
    for (const row of rows) if (!ids.has(row.employeeId)) ids.set(row.employeeId, randomUUID());
    const changed = rows.filter((r) => actions.get(r.line) !== ImportAction.UNCHANGED);
    // Clear e-mails of changed rows first so swapped addresses do not trip the unique index.
    if (changed.length) {
      await manager.query(`UPDATE "gateway"."person" SET "email" = NULL WHERE "organisation_id" = $1 AND "employee_id" = ANY($2)`, [
        organisationId,
        changed.map((r) => r.employeeId),
      ]);
    }
    for (let i = 0; i < changed.length; i += 500) {
      await repo.upsert(
        changed.slice(i, i + 500).map((row) => ({
          id: ids.get(row.employeeId)!,
          organisationId,
          employeeId: row.employeeId,
          name: row.name,
          email: row.email,
          title: row.title,
          department: row.department,
          managerEmployeeId: row.managerEmployeeId,
          managerId: null,
        })),
        ['organisationId', 'employeeId'],
      );
    }
    await manager.query(
      `UPDATE "gateway"."person" p SET "manager_id" = m."id", "updated_at" = now()
       FROM "gateway"."person" p2 LEFT JOIN "gateway"."person" m ON m."organisation_id" = p2."organisation_id" AND m."employee_id" = p2."manager_employee_id"
       WHERE p."id" = p2."id" AND p."organisation_id" = $1 AND p."manager_id" IS DISTINCT FROM m."id"`,
      [organisationId],
    );
  }

  private result(dryRun: boolean, errors: ImportRowError[], rows: Row[], actions: Map<number, ImportAction>): ImportPeopleResult {
    const count = (a: ImportAction) => [...actions.values()].filter((x) => x === a).length;
    return {
      dryRun,
      applied: false,
      rows: rows.length,
      created: count(ImportAction.CREATE),
      updated: count(ImportAction.UPDATE),
      unchanged: count(ImportAction.UNCHANGED),
      errors: errors.sort((a, b) => a.line - b.line),
      preview: rows.slice(0, 200).map((r) => ({
        line: r.line,
        employeeId: r.employeeId,
        name: r.name,
        email: r.email,
        managerEmployeeId: r.managerEmployeeId,
        action: actions.get(r.line) ?? ImportAction.CREATE,
      })),
    };
  }

  /** These people of the organisation (all of them, however many), as `list` describes them. */
  byIds(organisationId: string, ids: string[]): Promise<Person[]> {
    return ids.length ? this.list(organisationId, { ids }) : Promise.resolve([]);
  }

  /**
   * People of the viewer's organisation, with how many report to each and whether they lead
   * leaders. Pages of at most 5,000 when browsing; every one asked for when `ids` are given.
   */
  async list(organisationId: string, filter: { search?: string | null; leadersOfLeadersOnly?: boolean | null; ids?: string[] }, limit = 500, offset = 0): Promise<Person[]> {
    const params: unknown[] = [organisationId];
    const where = [`p."organisation_id" = $1`];
    if (filter.search) {
      params.push(`%${filter.search.toLowerCase()}%`);
      where.push(`(lower(p."name") LIKE $${params.length} OR lower(coalesce(p."email", '')) LIKE $${params.length} OR p."employee_id" = $${params.length})`);
    }
    if (filter.ids) {
      params.push(filter.ids);
      where.push(`p."id" = ANY($${params.length}::uuid[])`);
    }
    const rows: (PersonEntity & { directReportCount: string; isLeaderOfLeaders: boolean })[] = await this.dataSource.query(
      `SELECT p."id", p."employee_id" AS "employeeId", p."name", p."email", p."title", p."department", p."manager_id" AS "managerId",
              (SELECT count(*) FROM "gateway"."person" r WHERE r."manager_id" = p."id") AS "directReportCount",
              EXISTS (SELECT 1 FROM "gateway"."person" r JOIN "gateway"."person" rr ON rr."manager_id" = r."id" WHERE r."manager_id" = p."id") AS "isLeaderOfLeaders"
       FROM "gateway"."person" p WHERE ${where.join(' AND ')}
       ${filter.leadersOfLeadersOnly ? `AND EXISTS (SELECT 1 FROM "gateway"."person" r JOIN "gateway"."person" rr ON rr."manager_id" = r."id" WHERE r."manager_id" = p."id")` : ''}
       ORDER BY p."name", p."id" ${filter.ids ? '' : `LIMIT ${Math.min(Math.max(limit, 1), 5000)} OFFSET ${Math.max(offset, 0)}`}`,
      params,
    );
    return rows.map((r) => ({ ...r, directReportCount: Number(r.directReportCount) }));
  }
}
