/** How a subscriber's partition batches are grouped into one handler call (see `BatchGroups`). */
export interface BatchGroupOptions {
  /** Most events in one group; a partition batch is never split. */
  maxEvents: number;
  /** How long the first batch waits for others when no group is being handled. */
  lingerMs: number;
  /** Groups handled at once; what arrives meanwhile waits and goes together in the next. */
  maxConcurrent: number;
}

/** What became of a batch handed to `BatchGroups.add`. */
export type GroupOutcome =
  | { handled: true }
  /** the group's handler failed; `alone`: the batch was the only one in it */
  | { handled: false; alone: boolean };

interface Waiting<T> {
  items: T[];
  settle: (outcome: GroupOutcome) => void;
}

/**
 * Group commit for a consumer: the batches that several partitions deliver at about the same time
 * are handed to the handler together, as one call (one transaction in the services' batch
 * handlers), instead of one call per partition.
 *
 * Why: a topic has several partitions consumed at once, so at a steady flow each partition's batch
 * holds one or two events, and every batch paid a whole transaction (inbox insert, locks, lookups,
 * outbox insert, commit, and the relay's round after it): most of a service's database round trips
 * and socket writes at 200 events/s (docs/benchmarks.md, "Seventh round"). Grouped, the fixed cost
 * is shared by every partition's events.
 *
 * What it keeps: a partition never has two batches in flight (its consumer awaits each), so events
 * of one partition (one key) are still handled in order, and each partition's offsets are resolved
 * only after the group holding its batch was handled. Events of different partitions have different
 * keys, and the handlers take any mix of keys. A failing group settles every batch in it as not
 * handled, and each caller then handles its own batch as before (alone, then one event at a time),
 * so a poison event still reaches the dead-letter topic alone and the other partitions flow on.
 */
export class BatchGroups<T> {
  private readonly waiting: Waiting<T>[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly handle: (items: T[]) => Promise<void>,
    private readonly options: BatchGroupOptions,
  ) {}

  /** Hands a partition's batch over; settles once the group holding it was handled (or failed). */
  add(items: T[]): Promise<GroupOutcome> {
    return new Promise<GroupOutcome>((settle) => {
      this.waiting.push({ items, settle });
      this.schedule();
    });
  }

  private schedule(): void {
    // While a group is handled, the batches arriving wait for it to finish (then go together).
    if (this.timer || this.inFlight >= this.options.maxConcurrent) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.options.lingerMs);
  }

  private flush(): void {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxConcurrent) {
      const group: Waiting<T>[] = [];
      let size = 0;
      while (this.waiting.length > 0 && (group.length === 0 || size + this.waiting[0].items.length <= this.options.maxEvents)) {
        const next = this.waiting.shift()!;
        group.push(next);
        size += next.items.length;
      }
      this.inFlight++;
      const items = group.length === 1 ? group[0].items : group.flatMap((g) => g.items);
      this.handle(items)
        .then(
          () => group.forEach((g) => g.settle({ handled: true })),
          () => group.forEach((g) => g.settle({ handled: false, alone: group.length === 1 })),
        )
        .finally(() => {
          this.inFlight--;
          // What arrived meanwhile goes at once: it has waited for this group already.
          if (this.waiting.length > 0) this.flush();
        });
    }
  }
}
