/**
 * Bad input that used to crash (issue #11): a clear BAD_USER_INPUT or validation error naming the
 * problem, and nothing changed.
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { Api, organisationCsv, PASSWORD } from './fixtures';

const IMPORT = `mutation($csv: String!, $dry: Boolean!) { importPeople(csv: $csv, dryRun: $dry) { applied errors { line column reason } } }`;

describe('bad input gets a clear error and changes nothing', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;
  let dataSource: DataSource;
  const people = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM gateway.person`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'bad-input-secret-0123456789abcdef',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
    expect((await api.ok(IMPORT, { csv: organisationCsv(), dry: false }, hr)).importPeople.applied).toBe(true);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('refuses NUL bytes in any string, naming the field', async () => {
    const search = await api.call(`query($s: String) { people(search: $s) { id } }`, { s: 'Ada\u0000' }, hr);
    expect(search.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 's', message: expect.stringMatching(/NUL/) }],
    });
    const login = await api.call(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: 'hr@org.test\u0000',
      p: PASSWORD,
    });
    expect(login.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const before = await people();
    const imported = await api.call(IMPORT, { csv: organisationCsv().replace('Grace Hopper', 'Grace\u0000Hopper'), dry: false }, hr);
    expect(imported.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'csv' }] });
    const literal = await api.call(`{ people(search: "x\\u0000y") { id } }`, {}, hr);
    expect(literal.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await people()).toBe(before);
  });

  it('answers malformed documents (fragment cycles, unknown fragments) with a validation error, not a 500', async () => {
    for (const query of [`{ me { ...A } } fragment A on Me { ...B } fragment B on Me { ...A }`, `{ me { ...Nowhere } }`]) {
      const response = await fetch(`${platform.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(
        /Cannot spread fragment "A" within itself|Unknown fragment "Nowhere"/,
      );
    }
  });

  it('treats % and _ in people search as literal characters', async () => {
    const all = (await api.ok(`{ people { id } }`, {}, hr)).people.length;
    expect(all).toBeGreaterThan(2);
    expect((await api.ok(`query($s: String) { people(search: $s) { id } }`, { s: '%' }, hr)).people).toEqual([]);
    expect((await api.ok(`query($s: String) { people(search: $s) { id } }`, { s: '_' }, hr)).people).toEqual([]);
    expect((await api.ok(`query($s: String) { people(search: $s) { name } }`, { s: 'ada' }, hr)).people).toEqual([
      { name: 'Ada Lovelace' },
    ]);
  });

  it('makes an imported row whose e-mail belongs to another person a row error', async () => {
    const before = await people();
    const csv = 'employee_id,name,email,manager_id\nN1,New Person,ada.lovelace@example.org,E1\n';
    const result = (await api.ok(IMPORT, { csv, dry: false }, hr)).importPeople;
    expect(result.applied).toBe(false);
    expect(result.errors).toEqual([{ line: 2, column: 'email', reason: 'belongs to another person (employee_id "E10")' }]);
    expect(await people()).toBe(before);
  });
});
