import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { EntityManager } from 'typeorm';
import { RateLimitsService } from '../accounts/rate-limits.service';
import { hashToken } from '../accounts/secrets';
import { ConflictError, ErrorCode } from '../common/errors';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
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

  /**
   * Counts one use of a token from `ip` against the limit shared by every replica. Call it before a
   * transaction, never inside one: the limiter takes a connection of its own from the same pool, so
   * transactions waiting for it while holding theirs could take every connection (pool deadlock).
   */
  countUse(ip: string): Promise<void> {
    return this.rateLimits.tokenUse(ip);
  }

  /**
   * Opens the link. Without a `manager` the use is counted here; inside a transaction (`manager`)
   * the caller has counted it with `countUse` before the transaction began.
   */
  async open(token: string, ip: string, options: { manager?: EntityManager; forWrite?: boolean } = {}): Promise<OpenedLink> {
    if (!options.manager) await this.countUse(ip);
    const manager = options.manager ?? this.surveys.manager;
    const assignment = await this.surveys.assignmentByToken(manager, hashToken(token), options.forWrite ?? false);
    if (!assignment || assignment.revokedAt) throw new SurveyLinkError();
    const cycle = await this.surveys.cycle(manager, assignment.cycleId);
    if (!cycle) throw new SurveyLinkError();
    return { assignment, cycle, instrument: getInstrument(cycle.instrumentId, cycle.instrumentVersion) };
  }

  /**
   * Answers can be saved and submitted only while the cycle is launched (or still launching: a rater
   * whose slice of the launch committed was invited, and their link works) and before it closes.
   */
  static requireOpen(cycle: CycleEntity): void {
    if ((cycle.status !== 'launched' && cycle.status !== 'launching') || cycle.closesAt.getTime() <= Date.now()) {
      throw new ConflictError(
        `This cycle closed on ${cycle.closesAt.toISOString().slice(0, 10)}: answers can no longer be saved or submitted`,
      );
    }
  }
}
