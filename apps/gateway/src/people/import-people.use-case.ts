import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ImportProgressMessage, LiveUpdates } from '../common/live-updates';
import { ImportAction, ImportPeopleResult, ImportRowError } from './dto/person.model';
import { checkRows, countDataLines, Existing, ImportRow, importActions, managersFirst, readDirectoryCsv } from './import-rules';
import { newId } from '../common/ids';
import { PeopleRepository } from './people.repository';

/**
 * Imports the organisation directory from an HRIS-style CSV (columns employee_id, name, email,
 * manager_id, title, department). Re-importing the same file changes nothing. With any row error
 * nothing is applied; `dryRun` previews without applying. The file is read in chunks of
 * `chunkRows` (the gateway keeps serving other requests meanwhile) and written in chunks; with an
 * `importId`, each step is announced on the `importProgress` subscription (reading, checking,
 * applying, done or failed, with rows done of the total).
 */
@Injectable()
export class ImportPeopleUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly live: LiveUpdates,
  ) {}

  /** Rows read between two progress announcements. */
  static chunkRows = 5000;

  async execute(viewer: Viewer, csv: string, dryRun: boolean, importId?: string): Promise<ImportPeopleResult> {
    const total = countDataLines(csv);
    const announce = async (phase: ImportProgressMessage['phase'], done: number, of = total) => {
      if (importId) await this.live.importProgress({ importId, organisationId: viewer.organisationId, phase, done, total: of });
    };
    try {
      const outcome = await this.run(viewer, csv, dryRun, total, announce);
      await announce(outcome.errors.length ? 'failed' : 'done', outcome.rows, outcome.rows);
      return outcome;
    } catch (error) {
      await announce('failed', 0);
      throw error;
    }
  }

  private async run(
    viewer: Viewer,
    csv: string,
    dryRun: boolean,
    total: number,
    announce: (phase: ImportProgressMessage['phase'], done: number, of?: number) => Promise<void>,
  ): Promise<ImportPeopleResult> {
    await announce('reading', 0);
    const parsed = await readDirectoryCsv(csv, ImportPeopleUseCase.chunkRows, (read) => announce('reading', Math.min(read, total)));
    if (parsed.errors.length) return result(dryRun, parsed.errors, [], new Map());
    const { rows } = parsed;
    await announce('checking', 0, rows.length);
    const existing: Existing = new Map((await this.people.directoryOf(viewer.organisationId)).map((p) => [p.employeeId, p]));
    const errors = checkRows(rows, existing);
    const actions = importActions(rows, existing);
    await announce('checking', rows.length, rows.length);
    if (errors.length > 0 || dryRun) return result(dryRun, errors, rows, actions);
    // Every person's id after the import (kept for those who exist, new for the others), so
    // reporting lines are written as ids with the rows, managers before their reports.
    const newIds = new Map<string, string>();
    const idOf = (employeeId: string) => existing.get(employeeId)?.id ?? newIds.get(employeeId);
    const changedRows: ImportRow[] = [];
    for (const row of rows) {
      if (!existing.has(row.employeeId)) newIds.set(row.employeeId, newId());
      if (actions.get(row.line) !== ImportAction.UNCHANGED) changedRows.push(row);
    }
    // In the order the rows are written; each slice's records are made as it is written, not the
    // whole file's at once (the gateway holds one slice of them).
    const changed = managersFirst(changedRows);
    const record = (row: ImportRow) => ({
      id: idOf(row.employeeId)!,
      employeeId: row.employeeId,
      name: row.name,
      email: row.email,
      title: row.title,
      department: row.department,
      managerEmployeeId: row.managerEmployeeId,
      managerId: row.managerEmployeeId ? (idOf(row.managerEmployeeId) ?? null) : null,
    });
    // Addresses that change hands must be free before anyone takes them.
    const clearEmailsOf = changed
      .filter((r) => existing.has(r.employeeId) && existing.get(r.employeeId)!.email !== r.email)
      .map((r) => r.employeeId);
    // People outside the file who name a manager not yet in the directory are linked to them
    // after the write, if any such person exists.
    const linkOutsiders = [...existing.values()].some((p) => p.unlinked);
    await announce('applying', 0, changed.length);
    await this.outbox.transact(async ({ manager }) => {
      await this.people.applyImport(
        manager,
        viewer.organisationId,
        changed,
        record,
        clearEmailsOf,
        linkOutsiders,
        ImportPeopleUseCase.chunkRows,
        (written) => announce('applying', written, changed.length),
      );
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
  const counts = { [ImportAction.CREATE]: 0, [ImportAction.UPDATE]: 0, [ImportAction.UNCHANGED]: 0 };
  for (const action of actions.values()) counts[action]++;
  const count = (a: ImportAction) => counts[a];
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
