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

  subject(subjectId: string): Promise<PersonEntity> {
    return this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: subjectId });
  }

  submissionByKey(manager: EntityManager, idempotencyKey: string): Promise<SubmissionEntity | null> {
    return manager.getRepository(SubmissionEntity).findOneBy({ idempotencyKey });
  }

  latestSubmission(assignmentId: string): Promise<SubmissionEntity | null> {
    return this.dataSource.getRepository(SubmissionEntity).findOne({ where: { assignmentId }, order: { acceptedAt: 'DESC' } });
  }

  async saveDraft(manager: EntityManager, assignmentId: string, change: Pick<AssignmentEntity, 'draftAnswers' | 'draftComments' | 'startedAt'>): Promise<void> {
    await manager.getRepository(AssignmentEntity).update({ id: assignmentId }, { ...change, status: 'started' });
  }

  /** The receipt and the assignment marked submitted with its final answers. */
  async recordSubmission(manager: EntityManager, submission: SubmissionEntity, assignment: AssignmentEntity, answers: AssignmentEntity['draftAnswers'], comments: AssignmentEntity['draftComments']): Promise<void> {
    await manager.getRepository(SubmissionEntity).insert(submission);
    await manager.getRepository(AssignmentEntity).update(
      { id: assignment.id },
      { status: 'submitted', submittedAt: submission.acceptedAt, startedAt: assignment.startedAt ?? submission.acceptedAt, draftAnswers: answers, draftComments: comments },
    );
  }

  async markRecorded(submissionIds: string[]): Promise<void> {
    if (submissionIds.length === 0) return;
    await this.dataSource.getRepository(SubmissionEntity).createQueryBuilder().update().set({ status: 'recorded', reasons: null }).where('id = ANY(CAST(:ids AS uuid[]))', { ids: submissionIds }).execute();
  }

  /** Marks one submission rejected and reopens its survey so the rater can correct it. */
  async markRejected(submissionId: string, reasons: SubmissionEntity['reasons']): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const submission = await manager.getRepository(SubmissionEntity).findOneBy({ id: submissionId });
      if (!submission) return;
      await manager.getRepository(SubmissionEntity).update({ id: submissionId }, { status: 'rejected', reasons });
      await manager.getRepository(AssignmentEntity).update({ id: submission.assignmentId }, { status: 'started', submittedAt: null });
    });
  }
}
