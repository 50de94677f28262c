import { surveySubmittedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { hashToken } from '../accounts/secrets';
import { ConflictError, InputError } from '../common/errors';
import { LiveUpdates } from '../common/live-updates';
import { SubmitSurveyInput } from './dto/survey.input';
import { SubmissionReceipt, SubmissionStatusValue } from './dto/survey.model';
import { SubmissionEntity } from './submission.entity';
import { checkSurveyAnswers } from './survey-answers';
import { SurveyLinks } from './survey-link';
import { SurveysRepository } from './surveys.repository';

export function toReceipt(row: SubmissionEntity): SubmissionReceipt {
  return { submissionId: row.id, status: row.status as SubmissionStatusValue, acceptedAt: row.acceptedAt, reasons: row.reasons ?? [] };
}

/**
 * Submits the survey: validated, then stored as a receipt and published as `survey.submitted`
 * in one transaction. The same idempotency key returns the same receipt; a submitted survey is
 * read-only; after close, submissions are refused.
 */
@Injectable()
export class SubmitSurveyUseCase {
  constructor(
    private readonly links: SurveyLinks,
    private readonly surveys: SurveysRepository,
    private readonly outbox: OutboxService,
    private readonly live: LiveUpdates,
  ) {}

  async execute(input: SubmitSurveyInput, ip: string): Promise<SubmissionReceipt> {
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ answers: input.answers, comments: input.comments ?? [] }))
      .digest('hex');
    const receipt = await this.outbox
      .transact(async ({ manager, emit }) => {
        const { assignment, cycle, instrument, previous } = await this.links.open(input.token, ip, {
          manager,
          forWrite: true,
          idempotencyKey: input.idempotencyKey,
        });
        if (previous) {
          if (previous.requestHash !== requestHash) {
            throw new ConflictError('This idempotency key was already used for a different submission');
          }
          return { row: previous, cycleId: null };
        }
        SurveyLinks.requireOpen(cycle);
        if (assignment.status === 'submitted') throw new ConflictError('This survey was submitted already and is read-only');
        const { problems, answers, comments } = checkSurveyAnswers(input, instrument, assignment.raterGroup, true);
        if (problems.length) throw new InputError(problems);
        const row: SubmissionEntity = {
          id: randomUUID(),
          idempotencyKey: input.idempotencyKey,
          requestHash,
          organisationId: assignment.organisationId,
          assignmentId: assignment.id,
          status: 'accepted',
          reasons: null,
          countedAt: null,
          acceptedAt: new Date(),
        };
        await this.surveys.recordSubmission(manager, row, assignment, answers, comments);
        emit(
          surveySubmittedV1,
          {
            submissionId: row.id,
            cycleId: cycle.id,
            subjectId: assignment.subjectId,
            raterId: assignment.id,
            raterGroup: assignment.raterGroup,
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            answers,
            comments,
            policy: { minGroupSize: cycle.anonymityThreshold, roleProfileId: cycle.roleProfileId },
            submittedAt: row.acceptedAt.toISOString(),
          },
          { organisationId: assignment.organisationId },
        );
        return { row, cycleId: cycle.id };
      })
      .catch(async (error: unknown) => {
        if ((error as { code?: string }).code === '23505') {
          // The same key raced in twice for this assignment: the second one replays the first one's receipt.
          const assignment = await this.surveys.assignmentByToken(this.surveys.manager, hashToken(input.token), false);
          const winner = assignment ? await this.surveys.submissionByKey(this.surveys.manager, assignment.id, input.idempotencyKey) : null;
          if (winner && winner.requestHash === requestHash) return { row: winner, cycleId: null };
          if (winner) throw new ConflictError('This idempotency key was already used for a different submission');
        }
        throw error;
      });
    if (receipt.cycleId) this.live.changed(receipt.cycleId);
    return toReceipt(receipt.row);
  }
}
