import { startPlatform } from './index';

/** A plain sentence for whatever stopped the start (never a bare `undefined`). */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null || error === '') return 'an unknown error (nothing was reported)';
  return String(error);
}

async function main(): Promise<void> {
  const platform = await startPlatform({
    databaseUrl: process.env.DATABASE_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    kafkaNamespace: process.env.KAFKA_TOPIC_PREFIX,
    dataDir: process.env.LEADERSCOPE_DATA_DIR,
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST,
    secret: process.env.LEADERSCOPE_SECRET,
    introspection: process.env.GRAPHQL_INTROSPECTION !== 'false',
    seedDemo: process.env.LEADERSCOPE_DEMO !== 'false',
    mailEnv: process.env,
  });
  console.log(`Leaderscope is running at ${platform.url} (GraphQL at ${platform.url}/graphql, health at ${platform.url}/health)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.log(`Leaderscope: still stopping (finishing what was accepted, then PostgreSQL); ${signal} again is ignored`);
      return;
    }
    stopping = true;
    console.log('Leaderscope: stopping (draining events, then PostgreSQL)…');
    try {
      await platform.stop();
      console.log('Leaderscope: stopped');
      process.exit(0);
    } catch (error) {
      console.error(`Leaderscope: stopping failed: ${describe(error)}`);
      process.exit(1);
    }
  };
  // The embedded PostgreSQL runs in its own process group: a Ctrl-C reaches only this process,
  // which drains first and stops PostgreSQL last.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
}

main().catch((error) => {
  console.error(`Leaderscope could not start: ${describe(error)}`);
  process.exit(1);
});
