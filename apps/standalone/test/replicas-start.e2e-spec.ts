/**
 * Several gateway replicas starting at once on an empty database: migrations run under a
 * PostgreSQL advisory lock, so one replica migrates, the others wait, and all three come up.
 */
import { catalogue, InProcessTransport } from '@leaderscope/events';
import { createGateway } from '@leaderscope/gateway';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';

describe('three gateways starting at once on an empty database', () => {
  let db: TestDatabase;
  const gateways: INestApplication[] = [];
  const transports: InProcessTransport[] = [];

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
        return (await fetch(`http://127.0.0.1:${port}/health`)).status;
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
});
