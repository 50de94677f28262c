// Stops what the global set-up started, and only that.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalTeardown() {
  const state = globalThis.__LEADERSCOPE_INFRA__ ?? {};
  if (state.postgres) await state.postgres.stop();
  if (state.kafkaStartedPort) {
    execFileSync('bash', [join(root, 'infra/kafka/stop.sh')], {
      stdio: 'inherit',
      env: { ...process.env, KAFKA_PORT: String(state.kafkaStartedPort) },
    });
  }
}
