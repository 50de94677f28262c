import { catalogue, createTransport } from '@leaderscope/events';
import { createGateway } from './index';

/** The gateway as its own process, on Kafka and PostgreSQL (KAFKA_BROKERS, DATABASE_URL). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('the gateway runs on its own only with DATABASE_URL and KAFKA_BROKERS set; use `npm start` for the all-in-one platform');
  }
  const transport = createTransport({
    registry: catalogue,
    clientId: 'gateway',
    brokers,
    partitions: Number(process.env.KAFKA_PARTITIONS ?? 6),
    namespace: process.env.KAFKA_TOPIC_PREFIX,
  });
  await transport.start();
  const secret = process.env.LEADERSCOPE_SECRET;
  if (!secret) throw new Error('LEADERSCOPE_SECRET must be set (at least 16 characters): it protects survey links');
  const app = await createGateway({
    databaseUrl,
    transport,
    secret,
    publicUrl: process.env.PUBLIC_URL,
    dashboardDir: process.env.DASHBOARD_DIR,
    introspection: process.env.GRAPHQL_INTROSPECTION !== 'false',
  });
  const port = Number(process.env.PORT ?? 4000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  console.log(`gateway: http://${process.env.HOST ?? '127.0.0.1'}:${port}/graphql`);
  const shutdown = async () => {
    await transport.stopConsumers();
    await app.close();
    await transport.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
