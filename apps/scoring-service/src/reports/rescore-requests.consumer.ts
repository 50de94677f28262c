import { EventEnvelope, rescoreRequestedV1, RescoreRequestedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RescoreCycleUseCase } from './rescore-cycle.use-case';

/** Thin adapter: cycle.rescore-requested (from the gateway's rescoreCycle mutation) → RescoreCycleUseCase. */
@Injectable()
export class RescoreRequestsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(RescoreRequestsConsumer.name);

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly rescoreCycle: RescoreCycleUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: 'rescores',
      contracts: [rescoreRequestedV1],
      retries: 2,
      handler: async (event, context) => {
        const request = (event as EventEnvelope<RescoreRequestedV1>).payload;
        const result = await this.rescoreCycle.execute(
          {
            rescoreId: request.rescoreId,
            cycleId: request.cycleId,
            instrumentId: request.instrumentId,
            instrumentVersion: request.instrumentVersion,
            roleProfileId: request.roleProfileId,
            minGroupSize: request.minGroupSize,
            requestedAt: new Date(request.requestedAt),
            correlationId: event.correlationId,
          },
          // A large cycle takes a while: keep the consumer's group membership alive.
          () => context.heartbeat(),
        );
        this.logger.log(
          `rescore ${result.rescoreId} of ${result.cycleId}: ${result.scored} subject(s) scored, ${result.skipped} already done`,
        );
      },
    });
  }
}
