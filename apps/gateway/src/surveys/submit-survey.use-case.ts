import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimitsService } from '../accounts/rate-limits.service';
import { hashToken } from '../accounts/secrets';
import { LiveUpdates } from '../common/live-updates';
import { SubmitSurveyInput } from './dto/survey.input';
import { SubmissionReceipt, SubmissionStatusValue } from './dto/survey.model';
import { SubmissionEntity } from './submission.entity';
import { SubmissionBatcher } from './submission-batcher';

export function toReceipt(row: SubmissionEntity): SubmissionReceipt {
  return { submissionId: row.id, status: row.status as SubmissionStatusValue, acceptedAt: row.acceptedAt, reasons: row.reasons ?? [] };
}

/**
 * Submits the survey: validated, then stored as a receipt and published as `survey.submitted`
 * in one transaction. The same idempotency key returns the same receipt; a submitted survey is
 * read-only; after close, submissions are refused. The write is the group commit of
 * `SubmissionBatcher` (the hot path: no ORM, prepared statements, many requests per transaction);
 * the token's use counts against the caller's address before anything is read.
 */
@Injectable()
export class SubmitSurveyUseCase {
  constructor(
    private readonly rateLimits: RateLimitsService,
    private readonly batcher: SubmissionBatcher,
    private readonly outbox: OutboxService,
    private readonly live: LiveUpdates,
  ) {}

  async execute(input: SubmitSurveyInput, ip: string): Promise<SubmissionReceipt> {
    await this.rateLimits.tokenUse(ip);
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ answers: input.answers, comments: input.comments ?? [] }))
      .digest('hex');
    const { receipt, cycleId } = await this.batcher.submit({ input, tokenHash: hashToken(input.token), requestHash });
    if (cycleId) {
      this.outbox.wake();
      this.live.changed(cycleId);
    }
    return receipt;
  }
}
