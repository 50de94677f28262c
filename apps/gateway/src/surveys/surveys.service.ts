import { surveySubmittedV1 } from '@leaderscope/events';
import { checkAnswers, getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RateLimitsService } from '../auth/rate-limits.service';
import { hashToken } from '../auth/secrets';
import { ConflictError, ErrorCode, FieldProblem, InputError } from '../common/errors';
import { AssignmentEntity, CycleEntity } from '../cycles/cycle.entity';
import { ProgressNotifier } from '../cycles/progress.notifier';
import { PersonEntity } from '../people/person.entity';
import { GraphQLError } from 'graphql';
import { RaterGroup } from './dto/rater-group';
import { SubmitSurveyInput, SurveyAnswersInput } from './dto/survey.input';
import { DraftSaved, RaterSurvey, SubmissionReceipt, SubmissionStatusValue } from './dto/survey.model';
import { SubmissionEntity } from './submission.entity';

const EXEMPT_GROUPS = new Set(['self', 'manager']);
const ASSIGNMENT_COLUMNS = [
  ['id', 'id'], ['organisation_id', 'organisationId'], ['cycle_id', 'cycleId'], ['subject_id', 'subjectId'], ['rater_person_id', 'raterPersonId'],
  ['rater_group', 'raterGroup'], ['status', 'status'], ['draft_answers', 'draftAnswers'], ['draft_comments', 'draftComments'],
  ['started_at', 'startedAt'], ['submitted_at', 'submittedAt'], ['revoked_at', 'revokedAt'],
].map(([column, field]) => `a."${column}" AS "a_${field}"`).join(', ');
const CYCLE_COLUMNS = [
  ['id', 'id'], ['organisation_id', 'organisationId'], ['name', 'name'], ['instrument_id', 'instrumentId'], ['instrument_version', 'instrumentVersion'],
  ['role_profile_id', 'roleProfileId'], ['anonymity_threshold', 'anonymityThreshold'], ['status', 'status'], ['closes_at', 'closesAt'],
].map(([column, field]) => `c."${column}" AS "c_${field}"`).join(', ');

class SurveyLinkError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

interface Resolved {
  assignment: AssignmentEntity;
  cycle: CycleEntity;
  instrument: InstrumentDefinition;
}

/** The rater's side: a survey reached by token, drafts, and submission through the outbox. */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly rateLimits: RateLimitsService,
    private readonly notifier: ProgressNotifier,
  ) {}

  /**
   * Finds the assignment behind a token, with its cycle (and, for a submission, the receipt of
   * the same idempotency key) in one query; refuses unknown and revoked tokens alike.
   */
  private async resolve(token: string, ip: string, manager: EntityManager = this.dataSource.manager, forWrite = false, idempotencyKey?: string): Promise<Resolved & { previous: SubmissionEntity | null }> {
    await this.rateLimits.tokenUse(ip);
    const [row] = await manager.query(
      `SELECT ${ASSIGNMENT_COLUMNS}, ${CYCLE_COLUMNS},
              s."id" AS "s_id", s."assignment_id" AS "s_assignmentId", s."request_hash" AS "s_requestHash", s."status" AS "s_status",
              s."reasons" AS "s_reasons", s."accepted_at" AS "s_acceptedAt"
       FROM "gateway"."assignment" a
       JOIN "gateway"."cycle" c ON c."id" = a."cycle_id"
       LEFT JOIN "gateway"."submission" s ON s."idempotency_key" = $2
       WHERE a."token_hash" = $1 ${forWrite ? 'FOR UPDATE OF a' : ''}`,
      [hashToken(token), idempotencyKey ?? null],
    );
    if (!row || row.a_revokedAt) throw new SurveyLinkError('This survey link is not valid. Ask HR for a new one.');
    const pick = (prefix: string) =>
      Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    const assignment = pick('a_') as unknown as AssignmentEntity;
    const cycle = pick('c_') as unknown as CycleEntity;
    const previous = row.s_id ? ({ ...pick('s_'), idempotencyKey } as unknown as SubmissionEntity) : null;
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    return { assignment, cycle, instrument, previous };
  }

  private requireOpen(cycle: CycleEntity): void {
    if (cycle.status !== 'launched' || cycle.closesAt.getTime() <= Date.now()) {
      throw new ConflictError(`This cycle closed on ${cycle.closesAt.toISOString().slice(0, 10)}: answers can no longer be saved or submitted`);
    }
  }

  async survey(token: string, ip: string): Promise<RaterSurvey> {
    const { assignment, cycle, instrument } = await this.resolve(token, ip);
    if (cycle.status === 'draft') throw new SurveyLinkError('This survey link is not valid. Ask HR for a new one.');
    const subject = await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: assignment.subjectId });
    const group = assignment.raterGroup;
    const observes = (item: { observers: string[] }) => item.observers.includes(group);
    const identifiable = EXEMPT_GROUPS.has(group);
    return {
      cycleName: cycle.name,
      subjectName: subject.name,
      relationship: group as RaterGroup,
      anonymityThreshold: cycle.anonymityThreshold,
      identifiable,
      anonymityNote: identifiable
        ? group === 'self'
          ? 'This is your self-assessment: it is shown to you and compared with how others see you.'
          : `As ${subject.name}'s manager, your answers are shown as the manager's view and can be recognised as yours. Comments are shown without your name.`
        : `Your answers are combined with others in your group and shown only when at least ${cycle.anonymityThreshold} people in the group have answered. Nobody sees who gave which answer, and comments are shown without names.`,
      closesAt: cycle.closesAt,
      status: assignment.status,
      scale: instrument.scale.labels.map((label, i) => ({ value: instrument.scale.min + i, label })),
      notAbleToRateLabel: instrument.scale.notAbleToRate,
      dimensions: instrument.dimensions
        .map((d) => ({
          id: d.id,
          name: d.name,
          description: d.description,
          items: instrument.items.filter((i) => i.dimensionId === d.id && observes(i)).map((i) => ({ id: i.id, text: i.text })),
        }))
        .filter((d) => d.items.length > 0),
      answers: Object.entries(assignment.draftAnswers).map(([itemId, value]) => ({ itemId, value })),
      comments: Object.entries(assignment.draftComments).map(([dimensionId, text]) => ({ dimensionId, text })),
    };
  }

  /** Checks answers against the instrument and the rater's group; every problem names its field. */
  /** The framework's answer rules, with each problem named by its place in the input. */
  private check(input: SurveyAnswersInput, resolved: Resolved, complete: boolean) {
    const { instrument, assignment } = resolved;
    const problems: FieldProblem[] = [];
    const position = new Map<string, number>();
    const answers: Record<string, number | null> = {};
    input.answers.forEach((answer, i) => {
      if (position.has(answer.itemId)) problems.push({ field: `input.answers[${i}].itemId`, message: `item "${answer.itemId}" is answered twice` });
      else position.set(answer.itemId, i);
      answers[answer.itemId] = answer.value ?? null;
    });
    const comments: Record<string, string> = {};
    const commentPosition = new Map<string, number>();
    (input.comments ?? []).forEach((c, i) => {
      commentPosition.set(c.dimensionId, i);
      if (c.text.trim()) comments[c.dimensionId] = c.text.trim();
      else comments[c.dimensionId] ??= '';
    });
    const found = checkAnswers(instrument, assignment.raterGroup, answers, comments, { complete });
    for (const problem of found) {
      if (problem.kind === 'unknown-dimension') {
        problems.push({ field: `input.comments[${commentPosition.get(problem.dimensionId)}].dimensionId`, message: problem.message });
      } else if (problem.kind !== 'missing') {
        const field = `input.answers[${position.get(problem.itemId)}].${problem.kind === 'off-scale' ? 'value' : 'itemId'}`;
        problems.push({ field, message: problem.message });
      }
    }
    const missing = found.filter((p) => p.kind === 'missing').map((p) => ('itemId' in p ? p.itemId : ''));
    if (missing.length) {
      problems.push({ field: 'input.answers', message: `${missing.length} item(s) not answered: ${missing.join(', ')} (answer each, or choose "not able to rate")` });
    }
    for (const key of Object.keys(comments)) if (!comments[key]) delete comments[key];
    const total = instrument.items.filter((i) => i.observers.includes(assignment.raterGroup)).length;
    return { problems, answers, comments, total };
  }

  async saveDraft(input: SurveyAnswersInput, ip: string): Promise<DraftSaved> {
    const { saved, firstSave, cycleId } = await this.dataSource.transaction(async (manager) => {
      const resolved = await this.resolve(input.token, ip, manager, true);
      this.requireOpen(resolved.cycle);
      if (resolved.assignment.status === 'submitted') throw new ConflictError('This survey was submitted and is read-only');
      const { problems, answers, comments, total } = this.check(input, resolved, false);
      if (problems.length) throw new InputError(problems);
      const now = new Date();
      await manager.getRepository(AssignmentEntity).update(
        { id: resolved.assignment.id },
        { draftAnswers: answers, draftComments: comments, status: 'started', startedAt: resolved.assignment.startedAt ?? now },
      );
      return {
        saved: { savedAt: now, answered: Object.keys(answers).length, total },
        firstSave: resolved.assignment.status === 'invited',
        cycleId: resolved.cycle.id,
      };
    });
    // Announced after the commit, so subscribers never read the progress from before it.
    if (firstSave) this.notifier.changed(cycleId);
    return saved;
  }

  /**
   * Submits the survey: validated, then stored as a receipt and published as `survey.submitted`
   * in one transaction. The same idempotency key returns the same receipt; a submitted survey is
   * read-only; after close, submissions are refused.
   */
  async submit(input: SubmitSurveyInput, ip: string): Promise<SubmissionReceipt> {
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ answers: input.answers, comments: input.comments ?? [] }))
      .digest('hex');
    const receipt = await this.outbox.transact(async ({ manager, emit }) => {
      const resolved = await this.resolve(input.token, ip, manager, true, input.idempotencyKey);
      const previous = resolved.previous;
      if (previous) {
        if (previous.assignmentId !== resolved.assignment.id || previous.requestHash !== requestHash) {
          throw new ConflictError('This idempotency key was already used for a different submission');
        }
        return { row: previous, fresh: false };
      }
      this.requireOpen(resolved.cycle);
      if (resolved.assignment.status === 'submitted') throw new ConflictError('This survey was submitted already and is read-only');
      const { problems, answers, comments } = this.check(input, resolved, true);
      if (problems.length) throw new InputError(problems);
      const { assignment, cycle, instrument } = resolved;
      const row = manager.getRepository(SubmissionEntity).create({
        id: randomUUID(),
        idempotencyKey: input.idempotencyKey,
        requestHash,
        organisationId: assignment.organisationId,
        assignmentId: assignment.id,
        status: 'accepted',
        reasons: null,
        acceptedAt: new Date(),
      });
      await manager.query(
        `INSERT INTO "gateway"."submission" ("id", "idempotency_key", "request_hash", "organisation_id", "assignment_id", "status", "accepted_at")
         VALUES ($1, $2, $3, $4, $5, 'accepted', $6)`,
        [row.id, row.idempotencyKey, requestHash, row.organisationId, row.assignmentId, row.acceptedAt],
      );
      await manager.query(
        `UPDATE "gateway"."assignment" SET "status" = 'submitted', "submitted_at" = $2, "started_at" = coalesce("started_at", $2),
           "draft_answers" = $3, "draft_comments" = $4 WHERE "id" = $1`,
        [assignment.id, row.acceptedAt, JSON.stringify(answers), JSON.stringify(comments)],
      );
      emit(surveySubmittedV1, {
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
      }, { organisationId: assignment.organisationId, correlationId: row.id });
      return { row, fresh: true, cycleId: cycle.id };
    }).catch(async (error) => {
      if ((error as { code?: string }).code === '23505') {
        // The same key raced in twice: the second one replays the first one's receipt.
        const winner = await this.dataSource.getRepository(SubmissionEntity).findOneBy({ idempotencyKey: input.idempotencyKey });
        if (winner) return { row: winner, fresh: false };
      }
      throw error;
    });
    if (receipt.fresh && 'cycleId' in receipt) this.notifier.changed(receipt.cycleId as string);
    return this.toReceipt(receipt.row);
  }

  /** A rater reads their receipt back by token (including rejection reasons). */
  async receipt(token: string, ip: string): Promise<SubmissionReceipt | null> {
    const { assignment } = await this.resolve(token, ip);
    const row = await this.dataSource.getRepository(SubmissionEntity).findOne({ where: { assignmentId: assignment.id }, order: { acceptedAt: 'DESC' } });
    return row ? this.toReceipt(row) : null;
  }

  /** Marks many submissions recorded at once (a batch of `response.recorded`). */
  async markRecorded(submissionIds: string[]): Promise<void> {
    if (submissionIds.length === 0) return;
    await this.dataSource.query(`UPDATE "gateway"."submission" SET "status" = 'recorded', "reasons" = NULL WHERE "id" = ANY($1::uuid[])`, [submissionIds]);
  }

  /** Applies what the survey service decided (`response.recorded` / `response.rejected`). */
  async markOutcome(submissionId: string, status: 'recorded' | 'rejected', reasons: FieldProblem[] | null): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE "gateway"."submission" SET "status" = $2, "reasons" = $3 WHERE "id" = $1 RETURNING "assignment_id" AS "assignmentId"`,
      [submissionId, status, reasons ? JSON.stringify(reasons) : null],
    );
    // A rejected submission reopens the survey so the rater can correct it.
    if (status === 'rejected' && rows?.[0]) {
      await this.dataSource.query(`UPDATE "gateway"."assignment" SET "status" = 'started', "submitted_at" = NULL WHERE "id" = $1`, [rows[0].assignmentId]);
    }
  }

  private toReceipt(row: SubmissionEntity): SubmissionReceipt {
    return { submissionId: row.id, status: row.status as SubmissionStatusValue, acceptedAt: row.acceptedAt, reasons: row.reasons ?? [] };
  }
}
