import { catalogue, EventTransport, transportFromEnv } from '@leaderscope/events';
import type { INestApplicationContext, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Nest log levels from LOG_LEVEL (`error`, `warn` (default), `log`, `debug`, `verbose`): that level
 * and every more severe one. `debug` shows, among others, each redelivered event a consumer skipped.
 */
export function logLevelsFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel[] {
  const wanted = (env.LOG_LEVEL ?? 'warn').toLowerCase() as LogLevel;
  const at = LEVELS.indexOf(wanted);
  return LEVELS.slice(0, at < 0 ? 3 : at + 1);
}

/**
 * Runs one service as its own process on Kafka and PostgreSQL (KAFKA_BROKERS, DATABASE_URL), with a
 * graceful stop on SIGTERM/SIGINT: finish the messages in hand, let the outbox relay publish what is
 * pending, then disconnect.
 */
export function runService(
  name: string,
  start: (options: { databaseUrl: string; transport: EventTransport; logger: LogLevel[] | false }) => Promise<INestApplicationContext>,
  ready: string,
): void {
  const main = async () => {
    const databaseUrl = process.env.DATABASE_URL;
    const brokers = process.env.KAFKA_BROKERS;
    if (!databaseUrl || !brokers) {
      throw new Error(`${name} runs on its own only with DATABASE_URL and KAFKA_BROKERS set; use \`npm start\` for the all-in-one platform`);
    }
    const transport = transportFromEnv(name, catalogue);
    await transport.start();
    const app = await start({ databaseUrl, transport, logger: logLevelsFromEnv() });
    const shutdown = async () => {
      await transport.stopConsumers();
      await app.close();
      await transport.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown());
    process.once('SIGINT', () => void shutdown());
    console.log(`${name}: ${ready}`);
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
