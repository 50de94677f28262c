import { EventTransport } from '@leaderscope/events';
import { EVENT_TRANSPORT } from '@leaderscope/service-kit';
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { LiveUpdates } from '../common/live-updates';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly live: LiveUpdates,
  ) {}

  /**
   * Readiness: the database answers, the event transport (Kafka when configured) is connected and
   * live updates are listening (down from losing their PostgreSQL connection until they are back).
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
    ]);
  }

  /** Liveness: the process is up and serving. */
  @Get('live')
  liveness() {
    return { status: 'ok' };
  }
}
