/** Importing the directory through GraphQL on a real PostgreSQL: every row error named, nothing applied on error. */
import { codeOf, Organisation, TestGateway } from '../test-support/test-gateway';

const IMPORT = `mutation($csv: String!, $dry: Boolean!) { importPeople(csv: $csv, dryRun: $dry) { dryRun applied rows created updated unchanged errors { line column reason } } }`;

describe('importing people', () => {
  let gw: TestGateway;
  let acme: Organisation;
  const run = async (csv: string, dry = false) => (await gw.ok(acme.hr, IMPORT, { csv, dry })).importPeople;
  const count = async () => (await gw.ok(acme.hr, `{ people(limit: 5000) { id } }`)).people.length;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
  });

  afterAll(() => gw?.stop());

  it('changes nothing when the same file is imported again', async () => {
    const before = await count();
    const again = await run(
      ['employee_id,name,email,manager_id', 'ceo,Ada Chief,ada@acme.test,', 'l1,Ben Lead,ben@acme.test,ceo'].join('\n'),
    );
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await count()).toBe(before);
  });

  it('previews without applying', async () => {
    const preview = await run('employee_id,name,manager_id\nn1,Nia New,ceo', true);
    expect(preview).toMatchObject({ dryRun: true, applied: false, created: 1 });
    expect((await gw.ok(acme.hr, `{ people(search: "n1") { id } }`)).people).toEqual([]);
  });

  it('names every bad cell and applies nothing', async () => {
    const before = await count();
    const result = await run(
      [
        'employee_id,name,email,manager_id',
        'n1,Nia New,not-an-email,ceo',
        'n1,Duplicate,,ceo',
        'n2,,n2@acme.test,nobody',
        'n3,Self Managed,,n3',
      ].join('\n'),
    );
    expect(result.applied).toBe(false);
    expect(result.errors).toEqual([
      { line: 2, column: 'email', reason: '"not-an-email" is not an e-mail address' },
      { line: 3, column: 'employee_id', reason: 'duplicates line 2' },
      { line: 4, column: 'name', reason: 'is empty' },
      { line: 4, column: 'manager_id', reason: 'no person with employee_id "nobody"' },
      { line: 5, column: 'manager_id', reason: 'a person cannot be their own manager' },
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses reporting lines that form a loop, across the file and the directory', async () => {
    const result = await run('employee_id,name,manager_id\nceo,Ada Chief,l1');
    expect(result.errors).toEqual([{ line: 2, column: 'manager_id', reason: 'reporting lines form a loop' }]);
  });

  it('refuses unknown and missing columns, and a file that is not CSV', async () => {
    expect((await run('employee_id,nickname\nx,y')).errors).toEqual([
      { line: 1, column: 'name', reason: 'required column is missing' },
      { line: 1, column: 'nickname', reason: expect.stringContaining('unknown column') },
    ]);
    expect((await run('employee_id,name\n"x,y')).errors[0]).toMatchObject({
      column: '*',
      reason: expect.stringContaining('not valid CSV'),
    });
    const empty = await gw.gql(acme.hr, IMPORT, { csv: '', dry: true });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].extensions!.fields![0].field).toBe('csv');
  });

  it('stores every value as written, whatever characters it holds', async () => {
    // The apply sends each column as one text joined by U+001F; a value holding it goes as arrays.
    const plain = await run('employee_id,name,email,manager_id,title\nv1,Vic Plain,,ceo,Lead\nv2,Val Blank,,ceo,');
    expect(plain).toMatchObject({ applied: true, created: 2, errors: [] });
    const odd = await run('employee_id,name,email,manager_id,title\nu1,"Una, Unit",,ceo,"A\u001fB"\nu2,Uli Two,,ceo,');
    expect(odd).toMatchObject({ applied: true, created: 2, errors: [] });
    const titles = async (search: string) =>
      (await gw.ok(acme.hr, `query($s: String) { people(search: $s) { employeeId name title managerId } }`, { s: search })).people;
    expect(await titles('v1')).toEqual([{ employeeId: 'v1', name: 'Vic Plain', title: 'Lead', managerId: acme.people.get('ceo') }]);
    expect(await titles('v2')).toEqual([{ employeeId: 'v2', name: 'Val Blank', title: null, managerId: acme.people.get('ceo') }]);
    expect(await titles('u1')).toEqual([{ employeeId: 'u1', name: 'Una, Unit', title: 'A\u001fB', managerId: acme.people.get('ceo') }]);
    expect(await titles('u2')).toEqual([{ employeeId: 'u2', name: 'Uli Two', title: null, managerId: acme.people.get('ceo') }]);
  });

  it('moves a person to another manager', async () => {
    const result = await run('employee_id,name,email,manager_id\nm1,Eve Mid,eve@acme.test,l2');
    expect(result).toMatchObject({ applied: true, updated: 1 });
    const eve = (await gw.ok(acme.hr, `{ people(search: "m1") { managerId } }`)).people[0];
    expect(eve.managerId).toBe(acme.people.get('l2'));
  });
});
