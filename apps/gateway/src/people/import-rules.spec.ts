/**
 * The import's reading and checking rules (pure): the plain-file reader gives exactly csv-parse's
 * rows and errors, the quick e-mail check never accepts what class-validator refuses, loops are found
 * however deep the hierarchy, and rows are written managers first.
 */
import { isEmail } from 'class-validator';
import { checkRows, isEmailAddress, managersFirst, parseDirectoryCsv, readDirectoryCsv } from './import-rules';

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

  it('finds a loop at the end of a very long chain, and every row that runs into it', () => {
    const n = 50000;
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
