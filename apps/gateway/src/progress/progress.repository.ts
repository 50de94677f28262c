import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InputError } from '../common/errors';
import { PageRequest, personSearch, SortDirection } from '../common/paging';
import { ProgressFilter, ProgressSortKey } from './dto/progress.model';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { SubmissionEntity } from '../surveys/submission.entity';

/** What each progress sort orders by: figures the progress view shows, nothing else. */
const PROGRESS_SORT: Record<ProgressSortKey, { expression: string; cast: string }> = {
  [ProgressSortKey.NAME]: { expression: 'p.name', cast: 'text' },
  // A subject with nobody invited (yet) has a rate of 0.
  [ProgressSortKey.RESPONSE_RATE]: { expression: 'coalesce(st.submitted::float8 / nullif(st.invited, 0), 0)', cast: 'float8' },
  [ProgressSortKey.AWAITING]: { expression: 'st.invited - st.submitted', cast: 'int' },
};

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

/** A cycle's progress in counts (raters whose link stands). */
export interface ProgressCounts {
  invited: number;
  started: number;
  submitted: number;
  recorded: number;
  counted: number;
}

/**
 * Reads the receipts behind progress. A submitted survey has one live receipt (its latest): a
 * rejected one reopens the survey, and a submitted survey is read-only, so the receipts that are
 * not rejected are exactly the latest of each submitted assignment.
 */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The live receipt of every submitted assignment of these subjects in a cycle (a page's). */
  async stagesOfSubjects(cycleId: string, subjectIds: string[]): Promise<SubmissionStage[]> {
    const qb = this.dataSource
      .getRepository(SubmissionEntity)
      .createQueryBuilder('s')
      .innerJoin(AssignmentEntity, 'a', 'a.id = s.assignmentId')
      .select('s.assignmentId', 'assignmentId')
      .addSelect('s.status', 'status')
      .addSelect('s.countedAt', 'countedAt')
      .where('a.cycleId = :cycleId', { cycleId })
      .andWhere(`a.status = 'submitted'`)
      .andWhere(`s.status <> 'rejected'`)
      .andWhere('a.subjectId = ANY(CAST(:subjectIds AS uuid[]))', { subjectIds });
    const rows = await qb.getRawMany<{ assignmentId: string; status: SubmissionEntity['status']; countedAt: Date | null }>();
    return rows.map((r) => ({ assignmentId: r.assignmentId, recorded: r.status === 'recorded', counted: r.countedAt !== null }));
  }

  /**
   * The cycle's progress in counts, by PostgreSQL: raters invited (links not revoked), started,
   * submitted, and of the submitted those the survey service recorded and the scoring service
   * counted (from the live receipt). One row, whatever the cycle's size (150,000 assignments at L).
   */
  async countsOfCycle(cycleId: string): Promise<ProgressCounts> {
    const [row] = await this.dataSource.query<ProgressCounts[]>(
      `SELECT count(*)::int AS "invited",
              count(*) FILTER (WHERE a."status" <> 'invited')::int AS "started",
              count(*) FILTER (WHERE a."status" = 'submitted')::int AS "submitted",
              count(*) FILTER (WHERE a."status" = 'submitted' AND r."recorded")::int AS "recorded",
              count(*) FILTER (WHERE a."status" = 'submitted' AND r."counted")::int AS "counted"
       FROM "gateway"."assignment" a
       LEFT JOIN LATERAL (
         SELECT bool_or(s."status" = 'recorded') AS "recorded", bool_or(s."counted_at" IS NOT NULL) AS "counted"
         FROM "gateway"."submission" s WHERE s."assignment_id" = a."id" AND s."status" <> 'rejected'
       ) r ON true
       WHERE a."cycle_id" = $1 AND a."revoked_at" IS NULL`,
      [cycleId],
    );
    return row;
  }

  /** The assignments of these subjects in a cycle (revoked ones included: the caller decides). */
  assignmentsOf(cycleId: string, subjectIds: string[]): Promise<AssignmentEntity[]> {
    if (!subjectIds.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .where('a.cycleId = :cycleId', { cycleId })
      .andWhere('a.subjectId = ANY(CAST(:subjectIds AS uuid[]))', { subjectIds })
      .getMany();
  }

  /**
   * One page of a cycle's subjects for the progress view, filtered and sorted in PostgreSQL with
   * keyset paging on the sort key and the subject's id (`first + 1` rows), and the count of every
   * subject matching the filter. The keys are only figures the view shows for the subject —
   * invited and submitted over its raters who were not revoked — never anything about what a
   * report discloses, so the order tells HR nothing a full read of the progress does not.
   */
  async subjectPage(
    organisationId: string,
    cycleId: string,
    filter: ProgressFilter,
    page: PageRequest<ProgressSortKey>,
  ): Promise<{ rows: { subjectId: string; sortKey: string | number }[]; total: number }> {
    const params: unknown[] = [cycleId, organisationId];
    const where: string[] = [];
    if (filter.search) where.push(personSearch(params, filter.search, ['p']));
    if (filter.department) {
      params.push(filter.department);
      where.push(`p.department = $${params.length}`);
    }
    if (filter.awaitingOnly) where.push('st.submitted < st.invited');
    const sort = PROGRESS_SORT[page.sort];
    const matching = `
      SELECT p.id AS subject_id, ${sort.expression} AS sort_key
        FROM gateway.cycle_subject cs
        JOIN gateway.person p ON p.id = cs.person_id AND p.organisation_id = $2
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS invited, (count(*) FILTER (WHERE a.status = 'submitted'))::int AS submitted
            FROM gateway.assignment a
           WHERE a.cycle_id = cs.cycle_id AND a.subject_id = cs.person_id AND a.revoked_at IS NULL) st
       WHERE cs.cycle_id = $1 ${where.map((w) => `AND ${w}`).join(' ')}`;
    const countParams = [...params];
    const order = page.direction === SortDirection.ASC ? 'ASC' : 'DESC';
    let after = '';
    if (page.after) {
      if (typeof page.after.key !== (sort.cast === 'text' ? 'string' : 'number'))
        throw new InputError([
          { field: 'after', message: 'is not a cursor of this list in this sort order (start again without it)', code: 'staleCursor' },
        ]);
      params.push(page.after.key, page.after.id);
      after = `WHERE (m.sort_key, m.subject_id) ${order === 'ASC' ? '>' : '<'} ($${params.length - 1}::${sort.cast}, $${params.length}::uuid)`;
    }
    let limit = '';
    if (page.first != null) {
      params.push(page.first + 1);
      limit = `LIMIT $${params.length}`;
    }
    const [rows, count] = await Promise.all([
      this.dataSource.query<{ subjectId: string; sortKey: string | number }[]>(
        `SELECT m.subject_id AS "subjectId", m.sort_key AS "sortKey"
           FROM (${matching}) m ${after} ORDER BY m.sort_key ${order}, m.subject_id ${order} ${limit}`,
        params,
      ),
      // Counting needs the per-subject figures only when they filter.
      this.dataSource.query<{ n: number }[]>(
        filter.awaitingOnly
          ? `SELECT count(*)::int AS n FROM (${matching}) m`
          : `SELECT count(*)::int AS n FROM gateway.cycle_subject cs JOIN gateway.person p ON p.id = cs.person_id AND p.organisation_id = $2
              WHERE cs.cycle_id = $1 ${where.map((w) => `AND ${w}`).join(' ')}`,
        countParams,
      ),
    ]);
    return { rows, total: count[0].n };
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
