import { isEmail } from 'class-validator';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { InputError } from '../common/errors';
import { ImportAction, ImportRowError } from './dto/person.model';
import { DirectoryRow } from './people.repository';

/** Room for an organisation of about 150,000 people (102,001 take about 7 MB). */
export const MAX_CSV_BYTES = 12 * 1024 * 1024;
export const COLUMNS = ['employee_id', 'name', 'email', 'manager_id', 'title', 'department'] as const;

export interface ImportRow extends DirectoryRow {
  line: number;
}

/** What the directory holds already, by employee id (`unlinked`: names a manager it is not linked to). */
export type Existing = Map<string, DirectoryRow & { id: string; unlinked?: boolean }>;

/** Parses an HRIS-style CSV; a file that cannot be read at all is refused with the reason. */
export function parseDirectoryCsv(csv: string): { rows: ImportRow[]; errors: ImportRowError[] } {
  if (Buffer.byteLength(csv, 'utf8') > MAX_CSV_BYTES)
    throw new InputError([{ field: 'csv', message: `is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB` }]);
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: false, bom: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { rows: [], errors: [{ line: e.lines ?? 1, column: '*', reason: `not valid CSV: ${e.message}` }] };
  }
  return rowsOf(records);
}

function rowsOf(records: string[][]): { rows: ImportRow[]; errors: ImportRowError[] } {
  if (records.length === 0) throw new InputError([{ field: 'csv', message: 'is empty: expected a header row and one row per person' }]);
  const header = records[0].map((h) => h.toLowerCase());
  const errors: ImportRowError[] = [];
  for (const required of ['employee_id', 'name']) {
    if (!header.includes(required)) errors.push({ line: 1, column: required, reason: 'required column is missing' });
  }
  for (const h of header) {
    if (!(COLUMNS as readonly string[]).includes(h))
      errors.push({ line: 1, column: h, reason: `unknown column (expected ${COLUMNS.join(', ')})` });
  }
  if (errors.length) return { rows: [], errors };
  const [id, name, email, manager, title, department] = COLUMNS.map((c) => header.indexOf(c));
  const cell = (record: string[], i: number) => {
    const value = i >= 0 ? record[i]?.trim() : '';
    return value ? value : null;
  };
  const rows = new Array<ImportRow>(records.length - 1);
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    rows[r - 1] = {
      line: r + 1,
      employeeId: cell(record, id) ?? '',
      name: cell(record, name) ?? '',
      email: cell(record, email)?.toLowerCase() ?? null,
      managerEmployeeId: cell(record, manager),
      title: cell(record, title),
      department: cell(record, department),
    };
  }
  return { rows, errors };
}

/** Data lines in a CSV (after the header), counted without parsing: the total a progress bar shows. */
export function countDataLines(csv: string): number {
  let lines = 0;
  for (let i = csv.indexOf('\n'); i >= 0; i = csv.indexOf('\n', i + 1)) lines++;
  if (csv.length > 0 && !csv.endsWith('\n')) lines++;
  return Math.max(0, lines - 1);
}

/**
 * `parseDirectoryCsv`, streamed: records are read from the text in chunks of `chunkRows`, and
 * between chunks the event loop serves other requests and `onChunk` hears how many rows were read.
 * Same result and the same errors as `parseDirectoryCsv`.
 *
 * A plain file (no quotes, only ASCII whitespace, one kind of line break, every line with the
 * header's number of cells: what HRIS exports write) is split on commas and line breaks directly,
 * about ten times faster than csv-parse, with the records csv-parse would give (same `trim`, BOM
 * and empty-line rules). Any other file, and any file whose lines do not all have the header's
 * number of cells, is read by csv-parse, so its errors are csv-parse's.
 */
export async function readDirectoryCsv(
  csv: string,
  chunkRows: number,
  onChunk: (rowsRead: number) => Promise<void> | void,
): Promise<{ rows: ImportRow[]; errors: ImportRowError[] }> {
  if (Buffer.byteLength(csv, 'utf8') > MAX_CSV_BYTES)
    throw new InputError([{ field: 'csv', message: `is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB` }]);
  const plain = await readPlainCsv(csv, chunkRows, onChunk);
  if (plain) return rowsOf(plain);
  const records: string[][] = [];
  try {
    const parser = Readable.from([csv]).pipe(parseStream({ skip_empty_lines: true, trim: true, relax_column_count: false, bom: true }));
    for await (const record of parser as AsyncIterable<string[]>) {
      records.push(record);
      if (records.length % chunkRows === 0) {
        await onChunk(records.length - 1);
        await yieldToOthers();
      }
    }
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { rows: [], errors: [{ line: e.lines ?? 1, column: '*', reason: `not valid CSV: ${e.message}` }] };
  }
  await onChunk(Math.max(0, records.length - 1));
  return rowsOf(records);
}

/** Characters that make a file not plain: quotes, and whitespace csv-parse trims but that is not ASCII. */
const NOT_PLAIN = /["\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * The records of a plain CSV (see `readDirectoryCsv`), in chunks of `chunkRows` with `onChunk`
 * between them; null when the file is not plain or a line has another number of cells than the
 * header (csv-parse then reads it and reports what is wrong).
 */
async function readPlainCsv(
  text: string,
  chunkRows: number,
  onChunk: (rowsRead: number) => Promise<void> | void,
): Promise<string[][] | null> {
  const csv = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (NOT_PLAIN.test(csv)) return null;
  // Line breaks: all \n, or all \r\n (csv-parse takes the first one it meets as the delimiter).
  let crlf = false;
  const cr = csv.indexOf('\r');
  if (cr >= 0) {
    const count = (s: string) => csv.split(s).length - 1;
    if (count('\r') !== count('\r\n') || count('\n') !== count('\r\n')) return null;
    crlf = true;
  }
  const records: string[][] = [];
  let width = -1;
  for (let start = 0; start < csv.length;) {
    let end = csv.indexOf('\n', start);
    if (end < 0) end = csv.length;
    const line = csv.slice(start, crlf && end < csv.length ? end - 1 : end);
    start = end + 1;
    if (line === '') continue; // skip_empty_lines
    const cells = line.split(',');
    if (cells.length === 1 && cells[0].trim() === '') return null; // a line of blanks: csv-parse decides
    for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
    if (width < 0) width = cells.length;
    else if (cells.length !== width) return null;
    records.push(cells);
    if (records.length % chunkRows === 0) {
      await onChunk(records.length - 1);
      await yieldToOthers();
    }
  }
  await onChunk(Math.max(0, records.length - 1));
  return records;
}

/**
 * Addresses of the plainest form (lower-case letters, digits, `._+-` in the local part, a host name
 * and a letter TLD), each of which class-validator's `isEmail` accepts too; anything else is asked
 * of `isEmail`. A directory of 100,000 addresses is checked in milliseconds instead of half a second.
 */
const PLAIN_EMAIL = /^(?=.{1,254}$)(?=[^@]{1,64}@)[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isEmailAddress(value: string): boolean {
  return PLAIN_EMAIL.test(value) || isEmail(value);
}

/**
 * Every problem of every row: empty or too long values, duplicates, unknown managers, loops.
 * Linear, with one map from employee id to row for everything that needs to find a row: the file
 * of 102,001 people is checked in a few tens of milliseconds on a quiet machine.
 */
export function checkRows(rows: ImportRow[], existing: Existing): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const index = new Map<string, number>(); // employee id -> the row that first holds it
  const seenEmails = new Map<string, number>(); // e-mail -> the line that first holds it
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = row.employeeId;
    if (!id) errors.push({ line: row.line, column: 'employee_id', reason: 'is empty' });
    else if (id.length > 100) errors.push({ line: row.line, column: 'employee_id', reason: 'is longer than 100 characters' });
    else {
      const first = index.get(id);
      if (first !== undefined) errors.push({ line: row.line, column: 'employee_id', reason: `duplicates line ${rows[first].line}` });
      else index.set(id, i);
    }
    if (!row.name) errors.push({ line: row.line, column: 'name', reason: 'is empty' });
    else if (row.name.length > 200) errors.push({ line: row.line, column: 'name', reason: 'is longer than 200 characters' });
    if (row.email) {
      if (!isEmailAddress(row.email)) errors.push({ line: row.line, column: 'email', reason: `"${row.email}" is not an e-mail address` });
      else {
        const first = seenEmails.get(row.email);
        if (first !== undefined) errors.push({ line: row.line, column: 'email', reason: `is also used on line ${first}` });
        else seenEmails.set(row.email, row.line);
      }
    }
  }
  // An e-mail already held by another person of the organisation (who keeps it after this file).
  const emailAfterImport = new Map<string, string>(); // email -> employeeId
  for (const [id, p] of existing) if (p.email && !index.has(id)) emailAfterImport.set(p.email.toLowerCase(), id);
  if (emailAfterImport.size > 0)
    for (const row of rows) {
      const holder = row.email ? emailAfterImport.get(row.email) : undefined;
      if (holder !== undefined && holder !== row.employeeId && isEmailAddress(row.email!))
        errors.push({ line: row.line, column: 'email', reason: `belongs to another person (employee_id "${holder}")` });
    }
  for (const row of rows) {
    const manager = row.managerEmployeeId;
    if (!manager) continue;
    if (manager === row.employeeId) errors.push({ line: row.line, column: 'manager_id', reason: 'a person cannot be their own manager' });
    else if (!index.has(manager) && !existing.has(manager))
      errors.push({ line: row.line, column: 'manager_id', reason: `no person with employee_id "${manager}"` });
  }
  // Returned, not spread into `errors`: a file of 200,000 people in loops is 200,000 errors, past
  // what one call's arguments may hold (about 120,000 here).
  return errors.length === 0 ? reportingLoops(rows, existing, index) : errors;
}

/**
 * Every row whose chain of managers (the file's lines over the directory's) never reaches the top:
 * it runs into a loop. Each person's chain is walked once (linear in the people, however deep the
 * hierarchy): a walk stops at anyone already known to reach the top or to run into a loop. People
 * are numbered (the file's rows, then the directory's people outside the file, as chains reach
 * them), so the walk is on arrays of numbers. Called only on a file whose ids are all present,
 * unique and known (`index` holds every row).
 */
function reportingLoops(rows: ImportRow[], existing: Existing, index: Map<string, number>): ImportRowError[] {
  const n = rows.length;
  const outside = new Map<string, number>();
  const outsideIds: string[] = [];
  const nodeOf = (id: string): number => {
    const row = index.get(id);
    if (row !== undefined) return row;
    let node = outside.get(id);
    if (node === undefined) {
      node = n + outsideIds.length;
      outside.set(id, node);
      outsideIds.push(id);
    }
    return node;
  };
  const managerNode: number[] = []; // -1: nobody above
  for (let i = 0; i < n; i++) {
    const m = rows[i].managerEmployeeId;
    managerNode.push(m ? nodeOf(m) : -1);
  }
  for (let k = 0; k < outsideIds.length; k++) {
    const m = existing.get(outsideIds[k])?.managerEmployeeId;
    managerNode.push(m ? nodeOf(m) : -1);
  }
  const UNKNOWN = 0,
    ON_PATH = 1,
    TOP = 2,
    LOOP = 3;
  const state = new Uint8Array(managerNode.length);
  const path: number[] = [];
  const errors: ImportRowError[] = [];
  for (let i = 0; i < n; i++) {
    let current = i;
    while (current >= 0 && state[current] === UNKNOWN) {
      state[current] = ON_PATH;
      path.push(current);
      current = managerNode[current];
    }
    const outcome = current < 0 ? TOP : state[current] === ON_PATH ? LOOP : state[current];
    for (const node of path) state[node] = outcome;
    path.length = 0;
    if (state[i] === LOOP) errors.push({ line: rows[i].line, column: 'manager_id', reason: 'reporting lines form a loop' });
  }
  return errors;
}

/**
 * The changed rows in an order where everyone's manager comes before them (or is not written by
 * this import), so each chunk can be written with its reporting lines already linked. The rows
 * form no loop (checked before). A file already in that order (HRIS exports usually are) is kept
 * as it is; otherwise rows are ordered by their depth below the first manager not written by this
 * import, keeping the file order within a depth (a counting sort: linear).
 */
export function managersFirst<T extends DirectoryRow>(rows: T[]): T[] {
  const n = rows.length;
  const position = new Map<string, number>();
  for (let i = 0; i < n; i++) position.set(rows[i].employeeId, i);
  const manager = new Int32Array(n);
  let ordered = true;
  for (let i = 0; i < n; i++) {
    const m = rows[i].managerEmployeeId;
    const at = m ? position.get(m) : undefined;
    manager[i] = at ?? -1;
    if (at !== undefined && at >= i) ordered = false;
  }
  if (ordered) return rows;
  const depth = new Int32Array(n).fill(-1);
  const chain: number[] = [];
  let deepest = 0;
  for (let i = 0; i < n; i++) {
    let current = i;
    while (current >= 0 && depth[current] < 0) {
      chain.push(current);
      if (chain.length > n) throw new Error('reporting lines form a loop'); // checked before: never
      current = manager[current];
    }
    let base = current >= 0 ? depth[current] : -1;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]] = ++base;
    chain.length = 0;
    if (base > deepest) deepest = base;
  }
  const starts = new Int32Array(deepest + 2);
  for (let i = 0; i < n; i++) starts[depth[i] + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[starts[depth[i]]++] = rows[i];
  return out;
}

/** What importing each row would do. */
export function importActions(rows: ImportRow[], existing: Existing): Map<number, ImportAction> {
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
    )
      actions.set(row.line, ImportAction.UPDATE);
    else actions.set(row.line, ImportAction.UNCHANGED);
  }
  return actions;
}
