/**
 * importPeople reads the file in chunks and announces its progress on the importProgress
 * subscription (graphql-ws), to the importing organisation only; on a real PostgreSQL.
 */
import { catalogue, InProcessTransport } from '@leaderscope/events';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { INestApplication } from '@nestjs/common';
import { createClient, Client as WsClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { createGateway, provisionOrganisation } from '../index';
import { ImportPeopleUseCase } from './import-people.use-case';

const PASSWORD = 'correct-horse-battery';

/** A chief executive, 30 heads and `n` people under them. */
function directoryCsv(n: number): string {
  const rows = ['employee_id,name,email,manager_id,title,department', 'CEO,Chief Person,ceo@x.test,,Chief Executive,Board'];
  for (let h = 0; h < 30; h++) rows.push(`H${h},Head ${h},h${h}@x.test,CEO,Head,Ops`);
  for (let i = 0; i < n; i++) rows.push(`P${i},Person ${i},p${i}@x.test,H${i % 30},,Ops`);
  return rows.join('\n') + '\n';
}

type Progress = { phase: string; done: number; total: number };

describe('importPeople progress', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const tokens: Record<'a' | 'b', string> = { a: '', b: '' };
  const clients: WsClient[] = [];
  const chunkRows = ImportPeopleUseCase.chunkRows;

  async function gql(query: string, variables: Record<string, unknown>, token: string) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  }

  function listen(token: string, importId: string): Progress[] {
    const client = createClient({
      url: url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    clients.push(client);
    const seen: Progress[] = [];
    client.subscribe<{ importProgress: Progress }>(
      { query: `subscription($id: ID!) { importProgress(importId: $id) { phase done total } }`, variables: { id: importId } },
      {
        next: (m) => void seen.push(m.data!.importProgress),
        error: (e) => {
          throw e;
        },
        complete: () => {},
      },
    );
    return seen;
  }

  const IMPORT = `mutation($csv: String!, $dry: Boolean!, $id: ID) { importPeople(csv: $csv, dryRun: $dry, importId: $id) { applied rows created errors { line column reason } } }`;

  beforeAll(async () => {
    ImportPeopleUseCase.chunkRows = 500;
    db = await createTestDatabase();
    app = await createGateway({
      databaseUrl: db.url,
      transport: new InProcessTransport(catalogue),
      secret: 'import-secret-0123456789',
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const dataSource = app.get(DataSource);
    for (const org of ['a', 'b'] as const) {
      await provisionOrganisation(dataSource, { name: `Org ${org}`, hrEmail: `hr@${org}.test`, hrPassword: PASSWORD });
      const login = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { login(email: "hr@${org}.test", password: "${PASSWORD}") { token } }` }),
      });
      tokens[org] = ((await login.json()) as any).data.login.token;
    }
  }, 120000);

  afterAll(async () => {
    ImportPeopleUseCase.chunkRows = chunkRows;
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    await app?.close();
    await db?.drop();
  });

  it('announces reading, checking and applying in chunks, then done, to the importing organisation only', async () => {
    const importId = randomUUID();
    const mine = listen(tokens.a, importId);
    const theirs = listen(tokens.b, importId);
    await new Promise((r) => setTimeout(r, 500)); // let both subscriptions register
    const csv = directoryCsv(3000);
    const result = await gql(IMPORT, { csv, dry: false, id: importId }, tokens.a);
    expect(result.errors).toBeUndefined();
    expect(result.data.importPeople).toMatchObject({ applied: true, rows: 3031, created: 3031, errors: [] });
    await eventually('the done announcement', async () => mine.some((p) => p.phase === 'done'));

    const phases = [...new Set(mine.map((p) => p.phase))];
    expect(phases).toEqual(['reading', 'checking', 'applying', 'done']);
    const reading = mine.filter((p) => p.phase === 'reading');
    // Chunks of 500 rows: progress between the start and the end, never going back.
    expect(reading.length).toBeGreaterThanOrEqual(6);
    expect(reading.every((p) => p.total === 3031)).toBe(true);
    expect(reading.map((p) => p.done)).toEqual([...reading.map((p) => p.done)].sort((a, b) => a - b));
    expect(reading[reading.length - 1].done).toBe(3031);
    const applying = mine.filter((p) => p.phase === 'applying');
    expect(applying.length).toBeGreaterThanOrEqual(3);
    expect(applying[applying.length - 1]).toEqual({ phase: 'applying', done: 3031, total: 3031 });
    expect(mine[mine.length - 1]).toEqual({ phase: 'done', done: 3031, total: 3031 });
    // What was announced was written.
    const { data } = await gql(`{ directory(first: 1) { totalCount } }`, {}, tokens.a);
    expect(data.directory.totalCount).toBe(3031);
    // Another organisation's HR, subscribed to the same id, hears nothing.
    expect(theirs).toEqual([]);
  });

  it('writes a file listing reports before their new managers over many chunks, and swaps two addresses', async () => {
    // Organisation a holds the first test's directory: CEO, H0…H29, P0…P2999.
    const rows = ['employee_id,name,email,manager_id,title,department'];
    for (let i = 0; i < 1200; i++) rows.push(`Q${i},Quinn ${i},q${i}@x.test,NH${i % 10},,Ops`);
    for (let h = 0; h < 10; h++) rows.push(`NH${h},New Head ${h},nh${h}@x.test,CEO,Head,Ops`);
    rows.push('H0,Head 0,h1@x.test,CEO,Head,Ops', 'H1,Head 1,h0@x.test,CEO,Head,Ops');
    const result = await gql(IMPORT, { csv: rows.join('\n'), dry: false, id: null }, tokens.a);
    expect(result.errors).toBeUndefined();
    expect(result.data.importPeople).toMatchObject({ applied: true, rows: 1212, created: 1210, errors: [] });
    const dataSource = app.get(DataSource);
    const linked: { n: string }[] = await dataSource.query(
      `SELECT count(*) AS n FROM gateway.person q JOIN gateway.person m ON m.id = q.manager_id
       WHERE q.employee_id LIKE 'Q%' AND m.employee_id = 'NH' || (substr(q.employee_id, 2)::int % 10)`,
    );
    expect(Number(linked[0].n)).toBe(1200);
    const heads: { employee_id: string; email: string; manager: string }[] = await dataSource.query(
      `SELECT p.employee_id, p.email, m.employee_id AS manager FROM gateway.person p JOIN gateway.person m ON m.id = p.manager_id
       WHERE p.employee_id IN ('H0', 'H1', 'NH0') AND p.organisation_id = m.organisation_id ORDER BY p.employee_id`,
    );
    expect(heads.filter((h) => h.manager === 'CEO').map((h) => [h.employee_id, h.email])).toEqual([
      ['H0', 'h1@x.test'],
      ['H1', 'h0@x.test'],
      ['NH0', 'nh0@x.test'],
    ]);
  });

  it('ends with failed for a file with bad rows, and changes nothing', async () => {
    const importId = randomUUID();
    const seen = listen(tokens.b, importId);
    await new Promise((r) => setTimeout(r, 500));
    const csv = directoryCsv(1200) + 'P7,Again,again@x.test,H1,,Ops\n';
    const result = await gql(IMPORT, { csv, dry: false, id: importId }, tokens.b);
    expect(result.data.importPeople.applied).toBe(false);
    expect(result.data.importPeople.errors).toEqual([{ line: 1233, column: 'employee_id', reason: 'duplicates line 40' }]);
    await eventually('the failed announcement', async () => seen.some((p) => p.phase === 'failed'));
    expect(seen.some((p) => p.phase === 'applying')).toBe(false);
    const { data } = await gql(`{ directory(first: 1) { totalCount } }`, {}, tokens.b);
    expect(data.directory.totalCount).toBe(0);
  });
});
