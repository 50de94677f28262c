/**
 * The import's reading and checking rules (pure): the plain-file reader gives exactly csv-parse's
 * rows and errors, the quick e-mail check never accepts what class-validator refuses, loops are found
 * however deep the hierarchy, and rows are written managers first.
 */
import { isEmail } from 'class-validator';
import { checkRows, Existing, importActions, isEmailAddress, managersFirst, parseDirectoryCsv, readDirectoryCsv } from './import-rules';

const HEADER = 'employee_id,name,email,manager_id,title,department';

describe('import rules', () => {
  it('reads every file as csv-parse does: plain files directly, anything else through csv-parse', async () => {
    const files = [
      `${HEADER}\nceo,Ada Chief,ada@x.test,,Chief,Board\nl1,Ben Lead,ben@x.test,ceo,,\n`,
      `\ufeff${HEADER}\r\nceo, Ada Chief ,ADA@x.test,,Chief,Board\r\nl1,Ben Lead,,ceo,,\r\n`,
      `${HEADER}\n\nceo,Ada Chief,,,,\n\n\nl1,Ben,,ceo,,`,
      `${HEADER}\nceo,"Chief, Ada",,,,\nl1,"Ben ""B"" Lead",,ceo,,\n`,
      `${HEADER}\nceo,Ada\u00a0,,,,\n`,
      `${HEADER}\n   \nceo,Ada,,,,\n`,
      `${HEADER}\nceo,Ada,,,\n`, // a cell short: csv-parse's error
      `${HEADER}\nceo,Ada,,,,,\n`, // a cell too many
      `${HEADER}\nceo,Ada,,,,\rl1,Ben,,ceo,,\n`, // mixed line breaks
      `employee_id,name\n"x,y`, // an open quote
      `employee_id,nickname\nx,y`,
      `Employee_ID , NAME\nx,y\n`,
    ];
    for (const csv of files) {
      const chunks: number[] = [];
      const streamed = await readDirectoryCsv(csv, 1, (n) => void chunks.push(n));
      expect(streamed).toEqual(parseDirectoryCsv(csv));
      expect(chunks).toEqual([...chunks].sort((a, b) => a - b));
    }
  });

  it('accepts quickly only addresses class-validator accepts too, and asks it about the rest', () => {
    const samples = [
      'ada@x.test',
      'a.b_c+d-e@mail.example.co.uk',
      'l123@bench.example',
      'a..b@x.test',
      '.a@x.test',
      'a@x',
      'a@-x.test',
      'a@x-.test',
      'a@x.t',
      'a@x.123',
      'a@@x.test',
      'a b@x.test',
      `${'a'.repeat(65)}@x.test`,
      `a@${'b'.repeat(64)}.test`,
      `a@${'b.'.repeat(130)}test`,
      'not-an-email',
      "o'brien@x.test",
      'ünï@x.test',
    ];
    for (const s of samples) expect([s, isEmailAddress(s)]).toEqual([s, isEmail(s)]);
  });

  it('finds a loop at the end of a very long chain, and every row that runs into it (twice the organisation at L)', () => {
    const n = 204002;
    const rows = Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      employeeId: `p${i}`,
      name: `P ${i}`,
      email: null,
      managerEmployeeId: i === 0 ? `p${n - 1}` : `p${i - 1}`,
      title: null,
      department: null,
    }));
    const started = performance.now();
    const errors = checkRows(rows, new Map());
    expect(performance.now() - started).toBeLessThan(5000); // linear: a quadratic walk takes minutes
    expect(errors).toHaveLength(n);
    expect(errors[0]).toEqual({ line: 2, column: 'manager_id', reason: 'reporting lines form a loop' });
    // Cut the loop: nobody's chain loops any more.
    rows[0].managerEmployeeId = null as unknown as string;
    expect(checkRows(rows, new Map())).toEqual([]);
  });

  it('names every fault of a file with every kind of fault, as the rules always have', async () => {
    // The directory before: ceo, l1 (under ceo), d1 (under l1, keeps ada-old@), d2 (under d1), gone (not in the file).
    const person = (employeeId: string, email: string | null, managerEmployeeId: string | null) => ({
      id: `id-${employeeId}`,
      employeeId,
      name: employeeId,
      email,
      managerEmployeeId,
      title: null,
      department: null,
    });
    const existing: Existing = new Map(
      [
        person('ceo', 'ceo@x.test', null),
        person('l1', 'l1@x.test', 'ceo'),
        person('d1', 'held@x.test', 'l1'),
        person('d2', null, 'd1'),
        person('gone', 'kept@x.test', 'ceo'),
      ].map((p) => [p.employeeId, p]),
    );
    const long = 'x'.repeat(101);
    const csv = [
      HEADER,
      'ceo,Ada Chief,ceo@x.test,,Chief,Board', // 2 unchanged
      ',No Id,noid@x.test,ceo,,', // 3 empty employee id
      `${long},Long Id,,ceo,,`, // 4 employee id too long
      'ceo,Again,,,,', // 5 duplicate employee id
      'n1,,n1@x.test,ceo,,', // 6 empty name
      `n2,${'y'.repeat(201)},,ceo,,`, // 7 name too long
      'n3,Bad Mail,not-an-email,ceo,,', // 8 not an e-mail
      'n4,Same Mail,N1@X.test,ceo,,', // 9 e-mail of line 6 (case-insensitive)
      'n5,Taken,kept@x.test,ceo,,', // 10 e-mail held by someone outside the file
      'n6,Self,,n6,,', // 11 own manager
      'n7,Orphan,,nobody,,', // 12 unknown manager
      `n8,Long Manager,,${long},,`, // 13 manager id too long: unknown
      'd1,Moved,,l1,,', // 14 d1 gives up held@ (fine)
      'n9,Takes Held,held@x.test,d1,,', // 15 takes d1's old address (fine)
    ].join('\n');
    const { rows, errors: parseErrors } = parseDirectoryCsv(csv);
    expect(parseErrors).toEqual([]);
    expect(checkRows(rows, existing).sort((a, b) => a.line - b.line)).toEqual([
      { line: 3, column: 'employee_id', reason: 'is empty' },
      { line: 4, column: 'employee_id', reason: 'is longer than 100 characters' },
      { line: 5, column: 'employee_id', reason: 'duplicates line 2' },
      { line: 6, column: 'name', reason: 'is empty' },
      { line: 7, column: 'name', reason: 'is longer than 200 characters' },
      { line: 8, column: 'email', reason: '"not-an-email" is not an e-mail address' },
      { line: 9, column: 'email', reason: 'is also used on line 6' },
      { line: 10, column: 'email', reason: 'belongs to another person (employee_id "gone")' },
      { line: 11, column: 'manager_id', reason: 'a person cannot be their own manager' },
      { line: 12, column: 'manager_id', reason: 'no person with employee_id "nobody"' },
      { line: 13, column: 'manager_id', reason: `no person with employee_id "${long}"` },
    ]);
    // Loops are looked for once every other rule holds: through the file and the directory.
    const loops = parseDirectoryCsv(
      [HEADER, 'ceo,Ada Chief,,d2,,', 'x1,X One,,x2,,', 'x2,X Two,,x1,,', 'x3,X Three,,x1,,', 'ok,Fine,,,,'].join('\n'),
    );
    expect(checkRows(loops.rows, existing)).toEqual([
      { line: 2, column: 'manager_id', reason: 'reporting lines form a loop' },
      { line: 3, column: 'manager_id', reason: 'reporting lines form a loop' },
      { line: 4, column: 'manager_id', reason: 'reporting lines form a loop' },
      { line: 5, column: 'manager_id', reason: 'reporting lines form a loop' },
    ]);
    expect([...importActions(loops.rows, existing).values()]).toEqual(['UPDATE', 'CREATE', 'CREATE', 'CREATE', 'CREATE']);
  });

  it('orders rows managers first, keeping the file order otherwise', () => {
    const row = (employeeId: string, managerEmployeeId: string | null) => ({
      employeeId,
      name: employeeId,
      email: null,
      managerEmployeeId,
      title: null,
      department: null,
    });
    const rows = [row('a1', 'm1'), row('m1', 'ceo'), row('x', 'outside'), row('a2', 'm1'), row('ceo', null), row('m2', 'ceo')];
    expect(managersFirst(rows).map((r) => r.employeeId)).toEqual(['x', 'ceo', 'm1', 'm2', 'a1', 'a2']);
  });
});
