import { currentCorrelationId, OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { hashToken } from '../accounts/secrets';
import { LiveUpdates } from '../common/live-updates';
import { SubmitSurveyInput } from './dto/survey.input';
import { SubmissionReceipt, SubmissionStatusValue } from './dto/survey.model';
import { SubmissionBatcher } from './submission-batcher';
import { SubmissionEntity } from './submission.entity';
import { SurveyLinks } from './survey-link';

export function toReceipt(row: SubmissionEntity): SubmissionReceipt {
  return { submissionId: row.id, status: row.status as SubmissionStatusValue, acceptedAt: row.acceptedAt, reasons: row.reasons ?? [] };
}

/**
 * Submits the survey: validated, then stored as a receipt and published as `survey.submitted`
 * in one transaction. The same idempotency key (scoped to the assignment) and body return the same
 * receipt, another body under it is a CONFLICT; a submitted survey is read-only; after close,
 * submissions are refused. The token's use counts against the caller's address first (shared by
 * every gateway replica). The write is the group commit of `SubmissionBatcher` (the hot path: no
 * ORM, prepared statements, the submissions of many concurrent requests in one transaction).
 */
@Injectable()
export class SubmitSurveyUseCase {
  constructor(
    private readonly links: SurveyLinks,
    private readonly batcher: SubmissionBatcher,
    private readonly outbox: OutboxService,
    private readonly live: LiveUpdates,
  ) {}

  async execute(input: SubmitSurveyInput, ip: string): Promise<SubmissionReceipt> {
    await this.links.countUse(ip); // before the group's transaction (see SurveyLinks.countUse)
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ answers: input.answers, comments: input.comments ?? [] }))
      .digest('hex');
    const { receipt, cycleId } = await this.batcher.submit({
      input,
      tokenHash: hashToken(input.token),
      requestHash,
      correlationId: currentCorrelationId(),
    });
    if (cycleId) {
      // The group wrote its outbox rows itself: wake the relay, and tell HR's progress views.
      this.outbox.wake();
      this.live.changed(cycleId);
    }
    return receipt;
  }
}
