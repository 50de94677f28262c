import {
  EventEnvelope,
  responseCountedV1,
  ResponseCountedV1,
  responseRecordedV1,
  ResponseRecordedV1,
  responseRejectedV1,
  ResponseRejectedV1,
} from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveUpdates } from '../common/live-updates';
import { SurveysRepository } from './surveys.repository';

const CONSUMER = 'response-outcomes';

/**
 * Applies what the survey service decided (`response.recorded` / `response.rejected`) and what the
 * scoring service stored (`response.counted`) to the receipts, through the processed-event inbox like every consumer: a redelivered event changes
 * nothing. A rejection reopens the survey only if the rejected submission is still the
 * assignment's latest: a redelivered (or late) rejection never reopens a survey the rater has
 * resubmitted since.
 */
@Injectable()
export class RecordOutcomeUseCase {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly outbox: OutboxService,
    private readonly live: LiveUpdates,
  ) {}

  async execute(event: EventEnvelope): Promise<void> {
    await this.executeBatch([event]);
  }

  /** A batch in one transaction; events handled before are skipped. HR's progress screens hear of it after the commit. */
  async executeBatch(events: EventEnvelope[]): Promise<void> {
    const cycles = new Set<string>();
    await this.outbox.handleBatchOnce(CONSUMER, events, ({ manager }, fresh) => {
      for (const e of fresh) cycles.add((e.payload as { cycleId: string }).cycleId);
      return this.apply(manager, fresh);
    });
    for (const cycleId of cycles) this.live.changed(cycleId);
  }

  private async apply(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    const recorded = events
      .filter((e) => e.type === responseRecordedV1.type)
      .map((e) => (e as EventEnvelope<ResponseRecordedV1>).payload.submissionId);
    await this.surveys.markRecorded(manager, recorded);
    await this.surveys.markCounted(
      manager,
      events
        .filter((e) => e.type === responseCountedV1.type)
        .map((e) => (e as EventEnvelope<ResponseCountedV1>).payload)
        .map(({ submissionId, countedAt }) => ({ submissionId, countedAt })),
    );
    for (const e of events.filter((x) => x.type === responseRejectedV1.type) as EventEnvelope<ResponseRejectedV1>[]) {
      await this.surveys.markRejected(manager, e.payload.submissionId, e.payload.reasons);
    }
  }
}
