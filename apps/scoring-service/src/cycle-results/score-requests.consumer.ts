import { cycleScoreRequestedV1, CycleScoreRequestedV1, EventEnvelope } from '@leaderscope/events';
import { EventSubscriber, OutboxService } from '@leaderscope/service-kit';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ScoreCycleUseCase } from './score-cycle.use-case';

/** Thin adapter: cycle.score-requested → ScoreCycleUseCase, once per event (same transaction as its effect). */
@Injectable()
export class ScoreRequestsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScoreRequestsConsumer.name);

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly outbox: OutboxService,
    private readonly scoreCycle: ScoreCycleUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: ScoreCycleUseCase.consumer,
      contracts: [cycleScoreRequestedV1],
      retries: 2,
      handler: async (event) => {
        const request = (event as EventEnvelope<CycleScoreRequestedV1>).payload;
        const summary = await this.outbox.handleOnce(ScoreCycleUseCase.consumer, event, (uow) =>
          this.scoreCycle.executeIn(uow, {
            cycleId: request.cycleId,
            resultSet: request.resultSet,
            closed: request.closed,
            correlationId: event.correlationId,
          }),
        );
        if (summary)
          this.logger.log(
            `cycle ${summary.cycleId} (${summary.resultSet}) scored: ${summary.subjectCount} subject(s), ${summary.withTrend} with a trend`,
          );
      },
    });
  }
}
