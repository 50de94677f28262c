import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PurgeDueCyclesUseCase } from './purge-due-cycles.use-case';
import { DEFAULT_RETENTION_INTERVAL_MS, RETENTION_OPTIONS, RetentionOptions } from './retention.options';

/** The scheduled job: at start and every `intervalMs` (hourly by default), deletes what the retention setting says is due. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;
  private readonly clock: () => Date;
  private readonly intervalMs: number;

  constructor(
    private readonly purge: PurgeDueCyclesUseCase,
    @Inject(RETENTION_OPTIONS) options: RetentionOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.intervalMs = options.intervalMs ?? DEFAULT_RETENTION_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    // Once at start (a platform that never runs an hour still deletes what is due), then on the interval.
    void this.run().catch(() => undefined);
    this.timer = setInterval(() => void this.run().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs once now (one run at a time); the ids of the cycles whose deletion was sent. */
  run(): Promise<string[]> {
    this.running ??= this.purge
      .execute(this.clock())
      .catch((error: unknown) => {
        this.logger.warn(`retention job failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
