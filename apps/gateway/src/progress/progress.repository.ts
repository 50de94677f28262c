import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { SubmissionEntity } from '../surveys/submission.entity';

/** Where a submitted survey has got to: received by the gateway, recorded by the survey service, counted by the scoring service. */
export interface SubmissionStage {
  assignmentId: string;
  recorded: boolean;
  counted: boolean;
}

/** A cycle's submissions that are received but not yet recorded, or not yet counted. */
export interface PendingSubmissions {
  cycleId: string;
  organisationId: string;
  notRecorded: number;
  notCounted: number;
  /** When the oldest of them was received. */
  oldestReceivedAt: Date;
}

/**
 * Reads the receipts behind progress. A submitted survey has one live receipt (its latest): a
 * rejected one reopens the survey, and a submitted survey is read-only, so the receipts that are
 * not rejected are exactly the latest of each submitted assignment.
 */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The live receipt of every submitted assignment of a cycle. */
  async stagesOfCycle(cycleId: string): Promise<SubmissionStage[]> {
    const rows = await this.dataSource
      .getRepository(SubmissionEntity)
      .createQueryBuilder('s')
      .innerJoin(AssignmentEntity, 'a', 'a.id = s.assignmentId')
      .select('s.assignmentId', 'assignmentId')
      .addSelect('s.status', 'status')
      .addSelect('s.countedAt', 'countedAt')
      .where('a.cycleId = :cycleId', { cycleId })
      .andWhere(`a.status = 'submitted'`)
      .andWhere(`s.status <> 'rejected'`)
      .getRawMany<{ assignmentId: string; status: SubmissionEntity['status']; countedAt: Date | null }>();
    return rows.map((r) => ({ assignmentId: r.assignmentId, recorded: r.status === 'recorded', counted: r.countedAt !== null }));
  }

  /**
   * Per cycle, the submissions received but not recorded or not counted (revoked raters left out,
   * as in progress), with the time the oldest was received; `cycleId` narrows it to one cycle.
   * Reads the small partial index of uncounted receipts, so it is cheap whatever the history.
   */
  async pending(cycleId?: string): Promise<PendingSubmissions[]> {
    const qb = this.dataSource
      .getRepository(SubmissionEntity)
      .createQueryBuilder('s')
      .innerJoin(AssignmentEntity, 'a', 'a.id = s.assignmentId')
      .select('a.cycleId', 'cycleId')
      .addSelect('a.organisationId', 'organisationId')
      .addSelect(`count(*) FILTER (WHERE s.status = 'accepted')::int`, 'notRecorded')
      .addSelect('count(*)::int', 'notCounted')
      .addSelect('min(s.acceptedAt)', 'oldestReceivedAt')
      .where('s.countedAt IS NULL')
      .andWhere(`s.status <> 'rejected'`)
      .andWhere('a.revokedAt IS NULL')
      .groupBy('a.cycleId')
      .addGroupBy('a.organisationId')
      .orderBy('min(s.acceptedAt)', 'ASC');
    if (cycleId) qb.andWhere('a.cycleId = :cycleId', { cycleId });
    const rows = await qb.getRawMany<{
      cycleId: string;
      organisationId: string;
      notRecorded: number;
      notCounted: number;
      oldestReceivedAt: Date;
    }>();
    return rows.map((r) => ({ ...r, oldestReceivedAt: new Date(r.oldestReceivedAt) }));
  }
}
