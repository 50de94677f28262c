import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ImportAction, ImportPeopleResult, ImportRowError } from './dto/person.model';
import { checkRows, Existing, ImportRow, importActions, parseDirectoryCsv } from './import-rules';
import { PeopleRepository } from './people.repository';

/**
 * Imports the organisation directory from an HRIS-style CSV (columns employee_id, name, email,
 * manager_id, title, department). Re-importing the same file changes nothing. With any row error
 * nothing is applied; `dryRun` previews without applying.
 */
@Injectable()
export class ImportPeopleUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, csv: string, dryRun: boolean): Promise<ImportPeopleResult> {
    const parsed = parseDirectoryCsv(csv);
    if (parsed.errors.length) return result(dryRun, parsed.errors, [], new Map());
    const { rows } = parsed;
    const existing: Existing = new Map((await this.people.findInOrganisation(viewer.organisationId)).map((p) => [p.employeeId, p]));
    const errors = checkRows(rows, existing);
    const actions = importActions(rows, existing);
    if (errors.length > 0 || dryRun) return result(dryRun, errors, rows, actions);
    const changed = rows
      .filter((r) => actions.get(r.line) !== ImportAction.UNCHANGED)
      .map(({ line: _line, ...row }) => ({ ...row, id: existing.get(row.employeeId)?.id ?? randomUUID() }));
    await this.outbox.transact(async ({ manager }) => {
      await this.people.applyImport(manager, viewer.organisationId, changed);
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'people.imported',
        target: `organisation:${viewer.organisationId}`,
        detail: { rows: rows.length },
      });
    });
    return { ...result(false, [], rows, actions), applied: true };
  }
}

function result(dryRun: boolean, errors: ImportRowError[], rows: ImportRow[], actions: Map<number, ImportAction>): ImportPeopleResult {
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
