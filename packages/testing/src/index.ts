import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The admin URL of the run's PostgreSQL, set by the global set-up. Fails loudly when absent. */
export function adminDatabaseUrl(): string {
  const url = process.env.LEADERSCOPE_TEST_ADMIN_URL;
  if (!url) throw new Error('No test PostgreSQL: run tests through the root jest config (its global set-up starts one).');
  return url;
}

/** The run's Kafka brokers, set by the global set-up. Fails loudly when absent. */
export function kafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('No Kafka broker: run tests through the root jest config (its global set-up starts one).');
  return brokers.split(',');
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test file: clean state, no leftovers from other files. */
export async function createTestDatabase(prefix = 'ls_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A name no other test (or earlier run) uses: for consumer groups and clients. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** Thrown from an `eventually` check to stop waiting at once (a process died, say). */
export class StopWaiting extends Error {}

/** Polls until `check` returns a truthy value, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (error instanceof StopWaiting) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
export * from './smtp-sink';
export * from './pdf-text';
export * from './throttled-phone';
