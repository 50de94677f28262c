import { PulseEntity, PulseFocusArea } from '../pulses/pulse.entity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { PersonEntity } from '../people/person.entity';
import { SubmissionEntity } from './submission.entity';

/** The rater's side of the data: assignments reached by token, drafts and submission receipts. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The assignment behind a token's hash, locked until the transaction ends when `forWrite`. */
  assignmentByToken(manager: EntityManager, tokenHash: string, forWrite: boolean): Promise<AssignmentEntity | null> {
    const qb = manager.getRepository(AssignmentEntity).createQueryBuilder('a').where('a.tokenHash = :tokenHash', { tokenHash });
    if (forWrite) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  cycle(manager: EntityManager, cycleId: string): Promise<CycleEntity | null> {
    return manager.getRepository(CycleEntity).findOneBy({ id: cycleId });
  }

  /** A follow-up pulse's focus areas (each slot's wording); null for any other cycle. */
  async pulseFocusAreas(cycleId: string): Promise<PulseFocusArea[] | null> {
    return (await this.dataSource.getRepository(PulseEntity).findOneBy({ pulseId: cycleId }))?.focusAreas ?? null;
  }

  subject(subjectId: string): Promise<PersonEntity> {
    return this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: subjectId });
  }

  latestSubmission(assignmentId: string): Promise<SubmissionEntity | null> {
    return this.dataSource.getRepository(SubmissionEntity).findOne({ where: { assignmentId }, order: { acceptedAt: 'DESC' } });
  }

  async saveDraft(
    manager: EntityManager,
    assignmentId: string,
    change: Pick<AssignmentEntity, 'draftAnswers' | 'draftComments' | 'startedAt'>,
  ): Promise<void> {
    await manager.getRepository(AssignmentEntity).update({ id: assignmentId }, { ...change, status: 'started' });
  }

  /**
   * The survey service recorded these submissions. Plain statements, not the query builder: this runs
   * for every submission (the `response-outcomes` consumer), beside the ingestion.
   */
  async markRecorded(manager: EntityManager, submissionIds: string[]): Promise<void> {
    if (submissionIds.length === 0) return;
    const submission = manager.connection.getMetadata(SubmissionEntity).tablePath;
    const assignment = manager.connection.getMetadata(AssignmentEntity).tablePath;
    await manager.query(`UPDATE ${submission} SET status = 'recorded', reasons = NULL WHERE id = ANY($1::uuid[])`, [submissionIds]);
    // Recorded answers are the rater's: the gateway keeps no copy once the survey service holds them
    // (until then they stay, so a rejected submission can be corrected without typing it all again).
    await manager.query(
      `UPDATE ${assignment} SET draft_answers = '{}'::jsonb, draft_comments = '{}'::jsonb
        WHERE id IN (SELECT s.assignment_id FROM ${submission} s WHERE s.id = ANY($1::uuid[])) AND status = 'submitted'`,
      [submissionIds],
    );
  }

  /** The scoring service stored these submissions' responses: they count (a repeat keeps the first time). */
  async markCounted(manager: EntityManager, counted: { submissionId: string; countedAt: string }[]): Promise<void> {
    // The scoring service stamps a whole batch with one time; one statement for all, each submission
    // with the first time it came with. `s.id = ANY(…)` as well as the join: the submissions are
    // found through the primary key whatever the statistics say (with statistics taken before the
    // ingestion, the planner scanned the whole table for every batch).
    const first = new Map<string, string>();
    for (const c of counted) if (!first.has(c.submissionId)) first.set(c.submissionId, c.countedAt);
    if (first.size === 0) return;
    await manager.query(
      `UPDATE ${manager.connection.getMetadata(SubmissionEntity).tablePath} s SET counted_at = c.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS c(id, at)
        WHERE s.id = ANY($1::uuid[]) AND s.id = c.id AND s.counted_at IS NULL`,
      [[...first.keys()], [...first.values()]],
    );
  }

  /**
   * Marks one submission rejected and reopens its survey so the rater can correct it, unless the
   * rater has submitted again since (then only the old receipt says rejected).
   */
  async markRejected(manager: EntityManager, submissionId: string, reasons: SubmissionEntity['reasons']): Promise<void> {
    const submission = await manager.getRepository(SubmissionEntity).findOneBy({ id: submissionId });
    if (!submission) return;
    // The assignment row first: a resubmission (which locks it too) cannot slip in between.
    const assignment = await manager
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id: submission.assignmentId })
      .getOne();
    await manager.getRepository(SubmissionEntity).update({ id: submissionId }, { status: 'rejected', reasons });
    const latest = await manager
      .getRepository(SubmissionEntity)
      .findOne({ where: { assignmentId: submission.assignmentId }, order: { acceptedAt: 'DESC' } });
    if (assignment && latest?.id === submissionId && assignment.status === 'submitted') {
      await manager.getRepository(AssignmentEntity).update({ id: assignment.id }, { status: 'started', submittedAt: null });
    }
  }
}
