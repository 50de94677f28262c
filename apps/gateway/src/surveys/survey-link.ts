import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { EntityManager } from 'typeorm';
import { RateLimitsService } from '../accounts/rate-limits.service';
import { hashToken } from '../accounts/secrets';
import { ConflictError, ErrorCode } from '../common/errors';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { SubmissionEntity } from './submission.entity';
import { SurveysRepository } from './surveys.repository';

export class SurveyLinkError extends GraphQLError {
  constructor(message = 'This survey link is not valid. Ask HR for a new one.') {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

export interface OpenedLink {
  assignment: AssignmentEntity;
  cycle: CycleEntity;
  instrument: InstrumentDefinition;
  /** For a submission: the receipt already stored under the same idempotency key, if any. */
  previous: SubmissionEntity | null;
}

/**
 * What a survey token opens: the assignment, its cycle and instrument. Every use counts against
 * the caller's address; unknown and revoked tokens are refused alike.
 */
@Injectable()
export class SurveyLinks {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly rateLimits: RateLimitsService,
  ) {}

  async open(
    token: string,
    ip: string,
    options: { manager?: EntityManager; forWrite?: boolean; idempotencyKey?: string } = {},
  ): Promise<OpenedLink> {
    await this.rateLimits.tokenUse(ip);
    const manager = options.manager ?? this.surveys.manager;
    const assignment = await this.surveys.assignmentByToken(manager, hashToken(token), options.forWrite ?? false);
    if (!assignment || assignment.revokedAt) throw new SurveyLinkError();
    const cycle = await this.surveys.cycle(manager, assignment.cycleId);
    if (!cycle) throw new SurveyLinkError();
    const previous = options.idempotencyKey ? await this.surveys.submissionByKey(manager, assignment.id, options.idempotencyKey) : null;
    return { assignment, cycle, instrument: getInstrument(cycle.instrumentId, cycle.instrumentVersion), previous };
  }

  /** Answers can be saved and submitted only while the cycle is launched and before it closes. */
  static requireOpen(cycle: CycleEntity): void {
    if (cycle.status !== 'launched' || cycle.closesAt.getTime() <= Date.now()) {
      throw new ConflictError(
        `This cycle closed on ${cycle.closesAt.toISOString().slice(0, 10)}: answers can no longer be saved or submitted`,
      );
    }
  }
}
