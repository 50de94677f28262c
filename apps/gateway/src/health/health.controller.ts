import { EventTransport } from '@leaderscope/events';
import { EVENT_TRANSPORT } from '@leaderscope/service-kit';
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { LiveUpdates } from '../common/live-updates';
import { ConsistencyCheck } from '../progress/consistency-check';

/** Most cycles listed in `/health`'s consistency detail (the oldest differences first). */
const LISTED = 20;

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly live: LiveUpdates,
    private readonly consistency: ConsistencyCheck,
  ) {}

  /**
   * Readiness: the database answers, the event transport (Kafka when configured) is connected and
   * live updates are listening (down from losing their PostgreSQL connection until they are back).
   * The consistency check's latest result is a detail (`consistency.state`: `ok`, `in-flight` or
   * `degraded`), never a failure: a stuck difference is in a service behind the gateway, and taking
   * the gateway out of service would refuse raters' submissions without unsticking anything.
   */
  @Get()
  @HealthCheck()
  readiness() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      async () => {
        const session = this.indicators.check('events');
        const { ok, detail } = await this.transport.healthCheck();
        return ok ? session.up({ transport: this.transport.kind, detail }) : session.down({ transport: this.transport.kind, detail });
      },
      () => {
        const session = this.indicators.check('liveUpdates');
        const { listening, downSince, attempts, lastError } = this.live.state();
        return listening
          ? session.up()
          : session.down({ since: downSince?.toISOString() ?? null, reconnectAttempts: attempts, reason: lastError });
      },
      () => this.indicators.check('consistency').up(this.consistencyDetail()),
    ]);
  }

  /** Liveness: the process is up and serving. */
  @Get('live')
  liveness() {
    return { status: 'ok' };
  }

  /** Counts and ages only: which cycle has submissions received but not recorded or not counted. */
  private consistencyDetail(): Record<string, unknown> {
    const latest = this.consistency.latest;
    if (!latest) return { state: 'not-checked-yet', intervalSeconds: Math.round(this.consistency.intervalMs / 1000) };
    const stuck = latest.differences.filter((d) => d.stuck);
    return {
      state: stuck.length ? 'degraded' : latest.differences.length ? 'in-flight' : 'ok',
      checkedAt: latest.checkedAt.toISOString(),
      intervalSeconds: Math.round(this.consistency.intervalMs / 1000),
      staleAfterSeconds: latest.staleAfterSeconds,
      cyclesWithDifferences: latest.differences.length,
      stuckCycles: stuck.length,
      differences: latest.differences.slice(0, LISTED).map((d) => ({
        cycleId: d.cycleId,
        notRecorded: d.notRecorded,
        notCounted: d.notCounted,
        oldestReceivedAt: d.oldestReceivedAt.toISOString(),
        ageSeconds: d.ageSeconds,
        stuck: d.stuck,
      })),
    };
  }
}
