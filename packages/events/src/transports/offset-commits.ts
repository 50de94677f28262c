/** One partition's next offset to read (the last handled offset + 1), as Kafka commits it. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** Commits offsets for the consumer group; rejects when the broker refuses them. */
export type CommitOffsets = (offsets: PartitionOffset[]) => Promise<void>;

/**
 * A consumer's handled offsets, committed at most once per interval rather than after every batch.
 *
 * kafkajs with `autoCommit` commits after every batch it hands to `eachBatch` (its runner does so
 * whatever `autoCommitInterval` says; the interval only paces commits within a batch). Under a steady
 * flow of small fetches that was one OffsetCommit per batch and partition turn: in the bench's
 * freshness phase, two of every three requests the broker served, and a tenth of a core on its
 * group coordinator (docs/benchmarks.md, "Twenty-fourth round"). So the transport runs its consumers
 * with `autoCommit` off, records here what each handled (or dead-lettered), and commits that on a
 * timer, when the group starts rebalancing, and before a graceful stop.
 *
 * At-least-once still: an offset is committed only once its message was handled; a crash or a lost
 * group membership redelivers at most one interval's handled work, which idempotent consumers skip.
 */
export class OffsetCommits {
  private readonly handled = new Map<string, PartitionOffset>();
  private readonly committed = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();

  /** Records that every message of the partition up to `offset` was handled. */
  handledUpTo(topic: string, partition: number, offset: string): void {
    this.handled.set(`${topic}\u0000${partition}`, { topic, partition, offset: (BigInt(offset) + 1n).toString() });
  }

  /** Handled offsets not committed yet. */
  pending(): PartitionOffset[] {
    return [...this.handled].filter(([key, o]) => this.committed.get(key) !== o.offset).map(([, o]) => o);
  }

  /**
   * After a rebalance: forgets the partitions this member no longer holds (their new owner commits
   * them; committing ours later could only move theirs back).
   */
  keepOnly(assignment: Record<string, number[]>): void {
    for (const [key, o] of this.handled) {
      if (!(assignment[o.topic] ?? []).includes(o.partition)) {
        this.handled.delete(key);
        this.committed.delete(key);
      }
    }
  }

  /** Commits what is pending, one commit at a time; a refused commit stays pending for the next. */
  commit(via: CommitOffsets): Promise<void> {
    const next = this.queue.then(async () => {
      const offsets = this.pending();
      if (offsets.length === 0) return;
      await via(offsets);
      for (const o of offsets) this.committed.set(`${o.topic}\u0000${o.partition}`, o.offset);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** The shape kafkajs's `eachBatch` payload takes offsets to commit in. */
export function byTopic(offsets: PartitionOffset[]): { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] } {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const o of offsets) topics.set(o.topic, [...(topics.get(o.topic) ?? []), { partition: o.partition, offset: o.offset }]);
  return { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) };
}
