import { startPlatform } from './index';

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
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Leaderscope: stopping…');
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
