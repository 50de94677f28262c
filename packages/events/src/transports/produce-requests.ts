/**
 * How the Kafka transport cuts a run of events into produce requests, in order.
 *
 * The broker refuses a partition's record batch above the topic's `max.message.bytes` (1 MiB by
 * default), and a request holds one record batch per partition it writes to. So what bounds a
 * request is what it gives each partition, not its total: a request of reports spread over six
 * partitions may carry six times what one partition takes. Cutting on the total instead (512 KiB
 * until session 16) sent about two ~45 kB reports per record batch, and each batch pays its own
 * compression, checksums and broker work (docs/benchmarks.md, "Thirteenth round").
 *
 * The bound holds uncompressed, so it holds whatever the codec does with the bytes.
 */
export interface ProduceRequestLimits {
  /** Most bytes of records one partition receives in one request. */
  maxPartitionBytes: number;
  /** Most bytes of records in one request, over all its partitions. */
  maxRequestBytes: number;
}

/** 768 KiB a partition (under the broker's default 1 MiB with room for the batch's own framing), 8 MiB a request. */
export const DEFAULT_PRODUCE_REQUEST_LIMITS: ProduceRequestLimits = { maxPartitionBytes: 768 * 1024, maxRequestBytes: 8 * 1024 * 1024 };

/** Where one record goes (its topic and partition, as one string) and its size in bytes. */
export interface RecordRoute {
  partition: string;
  bytes: number;
}

/**
 * The items in requests, in their order: a request is cut before the item that would take a
 * partition past `maxPartitionBytes` or the request past `maxRequestBytes`. An item larger than a
 * limit goes alone (the broker then decides; nothing is dropped here).
 */
export function splitIntoRequests<T>(items: readonly T[], route: (item: T) => RecordRoute, limits: ProduceRequestLimits): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let total = 0;
  let byPartition = new Map<string, number>();
  for (const item of items) {
    const { partition, bytes } = route(item);
    const inPartition = byPartition.get(partition) ?? 0;
    if (current.length > 0 && (inPartition + bytes > limits.maxPartitionBytes || total + bytes > limits.maxRequestBytes)) {
      requests.push(current);
      current = [];
      total = 0;
      byPartition = new Map();
    }
    current.push(item);
    total += bytes;
    byPartition.set(partition, (byPartition.get(partition) ?? 0) + bytes);
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
