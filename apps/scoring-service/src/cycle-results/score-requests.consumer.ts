import {
  cycleRaterPseudonymsV1,
  CycleRaterPseudonymsV1,
  cycleScoreRequestedV1,
  CycleScoreRequestedV1,
  EventEnvelope,
} from '@leaderscope/events';
import { EventSubscriber, OutboxService } from '@leaderscope/service-kit';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RecordRaterPseudonymsUseCase } from './record-rater-pseudonyms.use-case';
import { ScoreCycleUseCase } from './score-cycle.use-case';

/**
 * Thin adapter, once per event (same transaction as its effect): cycle.score-requested →
 * ScoreCycleUseCase; cycle.rater-pseudonyms → RecordRaterPseudonymsUseCase. One consumer for both,
 * so a cycle's pseudonyms (sent at launch, keyed by cycle) are stored before its score requests.
 */
@Injectable()
export class ScoreRequestsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScoreRequestsConsumer.name);

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly outbox: OutboxService,
    private readonly scoreCycle: ScoreCycleUseCase,
    private readonly recordPseudonyms: RecordRaterPseudonymsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: ScoreCycleUseCase.consumer,
      contracts: [cycleScoreRequestedV1, cycleRaterPseudonymsV1],
      retries: 2,
      handler: async (event) => {
        if (event.type === cycleRaterPseudonymsV1.type) {
          const pseudonyms = (event as EventEnvelope<CycleRaterPseudonymsV1>).payload;
          await this.outbox.handleOnce(ScoreCycleUseCase.consumer, event, (uow) =>
            this.recordPseudonyms.executeIn(uow, event.organisationId, pseudonyms),
          );
          return;
        }
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
