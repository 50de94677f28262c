// Jest global set-up: real infrastructure for the whole run, started once.
// - Kafka: KAFKA_BROKERS if set (it must answer), else a broker already on 127.0.0.1:19092, else
//   one started here from infra/kafka (and stopped in the teardown).
// - PostgreSQL: DATABASE_URL if set (used as the admin connection; each test file creates its own
//   database on it), else an embedded PostgreSQL started here.
// Missing infrastructure fails the run; nothing is skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export default async function globalSetup() {
  const state = (globalThis.__LEADERSCOPE_INFRA__ = {});
  const log = (m) => process.stderr.write(`[test-infra] ${m}\n`);

  if (process.env.KAFKA_BROKERS) {
    execFileSync('node', [join(root, 'infra/kafka/wait.js'), process.env.KAFKA_BROKERS, '30'], { stdio: 'inherit' });
  } else {
    const port = Number(process.env.KAFKA_PORT || 19092);
    if (await answers('127.0.0.1', port)) {
      log(`reusing the Kafka broker on 127.0.0.1:${port}`);
      execFileSync('node', [join(root, 'infra/kafka/wait.js'), `127.0.0.1:${port}`, '60'], { stdio: 'inherit' });
    } else {
      log(`starting a Kafka broker on 127.0.0.1:${port}`);
      execFileSync('bash', [join(root, 'infra/kafka/start.sh')], { stdio: 'inherit', env: { ...process.env, KAFKA_PORT: String(port) } });
      state.kafkaStartedPort = port;
    }
    process.env.KAFKA_BROKERS = `127.0.0.1:${port}`;
  }

  if (process.env.DATABASE_URL) {
    process.env.LEADERSCOPE_TEST_ADMIN_URL = process.env.DATABASE_URL;
  } else {
    const { startEmbeddedPostgres } = require(join(root, 'packages/database/dist/index.js'));
    const dataDir = mkdtempSync(join(tmpdir(), 'leaderscope-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir, persistent: false, durable: false });
    log(`embedded PostgreSQL on port ${pg.port}`);
    state.postgres = pg;
    process.env.LEADERSCOPE_TEST_ADMIN_URL = pg.url;
  }
}
