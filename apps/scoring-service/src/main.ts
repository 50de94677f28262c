import { catalogue, transportFromEnv } from '@leaderscope/events';
import { logLevelsFromEnv } from '@leaderscope/service-kit';
import { startScoringService } from './index';

/** The scoring service as its own process, on Kafka and PostgreSQL (KAFKA_BROKERS, DATABASE_URL). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('scoring-service runs on its own only with DATABASE_URL and KAFKA_BROKERS set; use `npm start` for the all-in-one platform');
  }
  const transport = transportFromEnv('scoring-service', catalogue);
  await transport.start();
  const app = await startScoringService({ databaseUrl, transport, logger: logLevelsFromEnv() });
  const shutdown = async () => {
    await transport.stopConsumers(); // finish the messages in hand
    await app.close(); // the outbox relay publishes what is pending
    await transport.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  console.log('scoring-service: consuming recorded responses');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
