import { ContractRegistry } from '../envelope';
import { InProcessTransport } from './in-process.transport';
import { KafkaTransport } from './kafka.transport';
import { KafkaCompression } from './kafka-compression';
import { EventTransport } from './transport';

export * from './transport';
export * from './in-process.transport';
export * from './kafka.transport';
export { KAFKA_COMPRESSIONS, KafkaCompression, registerZstdCodec, zstdContentSize } from './kafka-compression';
export { silenceKafkajsNegativeTimeoutWarning } from './kafkajs-node24';

/** Kafka when brokers are given (KAFKA_BROKERS), otherwise the in-process transport. */
export function createTransport(options: {
  registry: ContractRegistry;
  clientId: string;
  brokers?: string | string[];
  partitions?: number;
  namespace?: string;
  commitIntervalMs?: number;
  maxBatchSize?: number;
  compression?: KafkaCompression;
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
      compression: options.compression,
    });
  }
  return new InProcessTransport(options.registry, { lanes: options.partitions, maxBatchSize: options.maxBatchSize });
}
