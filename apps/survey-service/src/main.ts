import { catalogue, createTransport } from '@leaderscope/events';
import { startSurveyService } from './index';

/** The survey service as its own process, on Kafka and PostgreSQL (KAFKA_BROKERS, DATABASE_URL). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('survey-service runs on its own only with DATABASE_URL and KAFKA_BROKERS set; use `npm start` for the all-in-one platform');
  }
  const transport = createTransport({
    registry: catalogue,
    clientId: 'survey-service',
    brokers,
    partitions: Number(process.env.KAFKA_PARTITIONS ?? 6),
    namespace: process.env.KAFKA_TOPIC_PREFIX,
  });
  await transport.start();
  const app = await startSurveyService({ databaseUrl, transport });
  const shutdown = async () => {
    await transport.stopConsumers(); // finish the messages in hand
    await app.close(); // the outbox relay publishes what is pending
    await transport.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  console.log('survey-service: consuming survey submissions');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
