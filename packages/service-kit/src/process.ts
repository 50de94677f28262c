import { catalogue, createTransport, EventTransport } from '@leaderscope/events';
import type { INestApplicationContext } from '@nestjs/common';
import type { z } from 'zod';
import { ConfigError, EventServiceConfig, eventServiceConfig, loadConfig, LogLevelName } from './config';
import { createLogger, JsonLogger } from './logger';

/** What a started app hands back: how to stop it, and what to log once it is ready. */
export interface RunningApp {
  ready: string;
  stop(): Promise<void>;
}

/**
 * Runs one app as its own process — every app's main.ts: validates the configuration against
 * `config` (a wrong or missing variable stops the process with a message naming it), writes JSON
 * logs at LOG_LEVEL, starts the app, and stops it gracefully once on SIGTERM/SIGINT.
 */
export function runService<S extends z.ZodType<{ LOG_LEVEL: LogLevelName }>>(options: {
  name: string;
  config: S;
  start: (config: z.infer<S>, logger: JsonLogger) => Promise<RunningApp>;
  env?: NodeJS.ProcessEnv;
}): void {
  const boot = createLogger(options.name, 'info');
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < 24) {
    boot.fatal(`${options.name} needs Node.js 24 or newer; this is Node.js ${process.versions.node} (see the README, "Requirements")`);
    process.exitCode = 1;
    return;
  }
  let config: z.infer<S>;
  try {
    config = loadConfig(options.config, options.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    boot.fatal({ problems: error.problems }, `${options.name} cannot start: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const logger = new JsonLogger(createLogger(options.name, config.LOG_LEVEL));
  const main = async () => {
    const app = await options.start(config, logger);
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) {
        logger.pino.info({ signal }, `${options.name}: still stopping (finishing what was accepted); ${signal} again is ignored`);
        return;
      }
      stopping = true;
      logger.pino.info({ signal }, `${options.name}: stopping (draining first)`);
      try {
        await app.stop();
        logger.pino.info(`${options.name}: stopped`);
        process.exit(0);
      } catch (error) {
        logger.pino.fatal({ err: error }, `${options.name}: stopping failed: ${describeError(error)}`);
        process.exit(1);
      }
    };
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
    logger.pino.info(`${options.name}: ${app.ready}`);
  };
  main().catch((error: unknown) => {
    logger.pino.fatal({ err: error }, `${options.name} could not start: ${describeError(error)}`);
    process.exit(1);
  });
}

/** The Kafka settings every process reads (`KAFKA_*`); each one left out takes the transport's default. */
export type KafkaSettings = Partial<
  Pick<
    EventServiceConfig,
    'KAFKA_PARTITIONS' | 'KAFKA_TOPIC_PREFIX' | 'KAFKA_COMMIT_INTERVAL_MS' | 'KAFKA_CONSUMER_BATCH_SIZE' | 'KAFKA_COMPRESSION'
  >
> & { KAFKA_BROKERS?: string };

/**
 * The event transport of a process, from its configuration: Kafka when `KAFKA_BROKERS` is set
 * (every service process, and `npm start` on Kafka, so no setting reaches one and not the other).
 */
export function transportFromConfig(clientId: string, config: KafkaSettings): EventTransport {
  return createTransport({
    registry: catalogue,
    clientId,
    brokers: config.KAFKA_BROKERS,
    partitions: config.KAFKA_PARTITIONS,
    namespace: config.KAFKA_TOPIC_PREFIX,
    commitIntervalMs: config.KAFKA_COMMIT_INTERVAL_MS,
    maxBatchSize: config.KAFKA_CONSUMER_BATCH_SIZE,
    compression: config.KAFKA_COMPRESSION,
  });
}

/**
 * `runService` for a Kafka service (survey, scoring): connects the transport, starts the app, and
 * on stop finishes the messages in hand, lets the outbox relay publish what is pending, then disconnects.
 */
export function runEventService(
  name: string,
  start: (options: { databaseUrl: string; transport: EventTransport; logger: JsonLogger }) => Promise<INestApplicationContext>,
  ready: string,
): void {
  runService({
    name,
    config: eventServiceConfig,
    start: async (config, logger) => {
      const transport = transportFromConfig(name, config);
      await transport.start();
      const app = await start({ databaseUrl: config.DATABASE_URL, transport, logger });
      return {
        ready,
        stop: async () => {
          await transport.stopConsumers();
          await app.close();
          await transport.close();
        },
      };
    },
  });
}

/** A plain sentence for whatever went wrong (never a bare `undefined`). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null || error === '') return 'an unknown error (nothing was reported)';
  switch (typeof error) {
    case 'string':
      return error;
    case 'number':
    case 'boolean':
    case 'bigint':
      return error.toString();
    default:
      return JSON.stringify(error) ?? 'an unknown error';
  }
}
