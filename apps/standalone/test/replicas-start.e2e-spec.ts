/**
 * Several gateway replicas on one database: they can start at once on an empty database
 * (migrations run under a PostgreSQL advisory lock, so one replica migrates, the others wait), and
 * they share one set of rate limits (kept in PostgreSQL).
 */
import { catalogue, InProcessTransport } from '@leaderscope/events';
import { createGateway } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';

describe('three gateways starting at once on an empty database', () => {
  let db: TestDatabase;
  const gateways: INestApplication[] = [];
  const transports: InProcessTransport[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const g of gateways) await g.close();
    for (const t of transports) await t.close();
    await db?.drop();
  });

  it('all start; each migration ran exactly once', async () => {
    const started = await Promise.allSettled(
      [1, 2, 3].map(async () => {
        const transport = new InProcessTransport(catalogue);
        transports.push(transport);
        const gateway = await createGateway({ databaseUrl: db.url, transport, secret: 'replicas-secret-0123456789', logger: false });
        gateways.push(gateway);
        await gateway.listen(0, '127.0.0.1');
        const { port } = gateway.getHttpServer().address() as { port: number };
        urls.push(`http://127.0.0.1:${port}`);
        // Ready once its health says so (its LISTEN connection may take a moment on a busy machine).
        return eventually(
          'the replica to be ready',
          async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? 200 : null),
          30000,
        );
      }),
    );
    expect(started.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([200, 200, 200]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT name, count(*)::int AS n FROM gateway.migrations GROUP BY name`);
    await client.end();
    console.log(`three gateways at once: migrations ${rows.map((r) => `${r.name}×${r.n}`).join(', ')}`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 120000);

  it('counts sign-in attempts across replicas: the eleventh wrong password for one e-mail is refused, whichever replica gets it', async () => {
    expect(urls).toHaveLength(3);
    const attempt = async (url: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { login(email: "someone@replicas.test", password: "wrong-password") { token } }` }),
      });
      return ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    };
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(String(await attempt(urls[i % 3])));
    expect(codes.every((c) => c !== 'RATE_LIMITED')).toBe(true);
    const eleventh = await attempt(urls[1]);
    console.log(`rate limit across 3 replicas: 10 attempts ${[...new Set(codes)].join('/')}, the 11th ${eleventh}`);
    expect(eleventh).toBe('RATE_LIMITED');
  }, 60000);
});
