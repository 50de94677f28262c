import { ContractRegistry } from '../envelope';
import { InProcessTransport } from './in-process.transport';
import { KafkaTransport } from './kafka.transport';
import { EventTransport } from './transport';

export * from './transport';
export * from './in-process.transport';
export * from './kafka.transport';
export { silenceKafkajsNegativeTimeoutWarning } from './kafkajs-node24';

/**
 * The transport a service process configures from KAFKA_BROKERS, KAFKA_PARTITIONS, KAFKA_TOPIC_PREFIX,
 * KAFKA_COMMIT_INTERVAL_MS and KAFKA_CONSUMER_BATCH_SIZE (most events per batch handler call, default 500).
 */
export function transportFromEnv(clientId: string, registry: ContractRegistry, env: NodeJS.ProcessEnv = process.env): EventTransport {
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
  return createTransport({
    registry,
    clientId,
    brokers: env.KAFKA_BROKERS,
    partitions: num(env.KAFKA_PARTITIONS) ?? 6,
    namespace: env.KAFKA_TOPIC_PREFIX,
    commitIntervalMs: num(env.KAFKA_COMMIT_INTERVAL_MS),
    maxBatchSize: num(env.KAFKA_CONSUMER_BATCH_SIZE),
  });
}

/** Kafka when brokers are given (KAFKA_BROKERS), otherwise the in-process transport. */
export function createTransport(options: {
  registry: ContractRegistry;
  clientId: string;
  brokers?: string | string[];
  partitions?: number;
  namespace?: string;
  commitIntervalMs?: number;
  maxBatchSize?: number;
}): EventTransport {
  const brokers =
    typeof options.brokers === 'string'
      ? options.brokers
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean)
      : options.brokers;
  if (brokers && brokers.length > 0) {
    return new KafkaTransport({
      brokers,
      clientId: options.clientId,
      registry: options.registry,
      partitions: options.partitions,
      namespace: options.namespace,
      commitIntervalMs: options.commitIntervalMs,
      maxBatchSize: options.maxBatchSize,
    });
  }
  return new InProcessTransport(options.registry, { lanes: options.partitions, maxBatchSize: options.maxBatchSize });
}
