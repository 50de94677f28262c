import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PendingSubmissions, ProgressRepository } from './progress.repository';

export const CONSISTENCY_OPTIONS = Symbol('CONSISTENCY_OPTIONS');

export interface ConsistencyOptions {
  /** How often the check runs (default every minute). */
  intervalMs?: number;
  /** A difference older than this is stuck, not in flight (default 5 minutes). */
  staleAfterMs?: number;
}

export const DEFAULT_CONSISTENCY: Required<ConsistencyOptions> = { intervalMs: 60_000, staleAfterMs: 300_000 };

/** One cycle's difference between received, recorded and counted, with its age. */
export interface CycleDifference {
  cycleId: string;
  organisationId: string;
  /** Received by the gateway, not recorded by the survey service. */
  notRecorded: number;
  /** Received by the gateway, not (yet) stored by the scoring service. */
  notCounted: number;
  oldestReceivedAt: Date;
  ageSeconds: number;
  /** Older than `staleAfterMs`: something is stuck (a stopped service, a dead letter), not merely in flight. */
  stuck: boolean;
}

export interface ConsistencyResult {
  checkedAt: Date;
  staleAfterSeconds: number;
  differences: CycleDifference[];
}

/**
 * The periodic consistency check: every `intervalMs` it compares, per cycle, what the gateway
 * received with what the survey service recorded and what the scoring service counted (from
 * `response.recorded` and `response.counted`), and keeps the differences with their age for
 * `/health`. HR's progress screen asks `differences` for its own cycle at read time.
 */
@Injectable()
export class ConsistencyCheck implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConsistencyCheck.name);
  private timer: NodeJS.Timeout | null = null;
  private last: ConsistencyResult | null = null;
  private running: Promise<ConsistencyResult> | null = null;
  readonly intervalMs: number;
  readonly staleAfterMs: number;

  constructor(
    private readonly repository: ProgressRepository,
    @Inject(CONSISTENCY_OPTIONS) options: ConsistencyOptions,
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_CONSISTENCY.intervalMs;
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_CONSISTENCY.staleAfterMs;
  }

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The latest periodic result (null before the first run finished). */
  get latest(): ConsistencyResult | null {
    return this.last;
  }

  /** Runs the check now (one at a time); the periodic timer calls it. */
  run(): Promise<ConsistencyResult> {
    this.running ??= this.check()
      .then((result) => {
        this.last = result;
        const stuck = result.differences.filter((d) => d.stuck);
        if (stuck.length) {
          this.logger.warn(
            `consistency: ${stuck.length} cycle(s) with submissions received but not recorded or counted for over ${result.staleAfterSeconds} s: ` +
              stuck
                .map((d) => `${d.cycleId} (not recorded ${d.notRecorded}, not counted ${d.notCounted}, oldest ${d.ageSeconds} s)`)
                .join('; '),
          );
        }
        return result;
      })
      .catch((error: unknown) => {
        this.logger.warn(`consistency check failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      })
      .finally(() => {
        this.running = null;
      });
    const running = this.running;
    running.catch(() => undefined);
    return running;
  }

  /** The differences now, of every cycle or of one. */
  async differences(cycleId?: string, now = new Date()): Promise<CycleDifference[]> {
    return (await this.repository.pending(cycleId)).map((p) => this.describe(p, now));
  }

  private async check(): Promise<ConsistencyResult> {
    const checkedAt = new Date();
    return {
      checkedAt,
      staleAfterSeconds: Math.round(this.staleAfterMs / 1000),
      differences: await this.differences(undefined, checkedAt),
    };
  }

  private describe(p: PendingSubmissions, now: Date): CycleDifference {
    const ageMs = Math.max(0, now.getTime() - p.oldestReceivedAt.getTime());
    return { ...p, ageSeconds: Math.round(ageMs / 1000), stuck: ageMs > this.staleAfterMs };
  }
}
