import { createEnvelope, EventEnvelope, surveySubmittedV1 } from '@leaderscope/events';
import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, PoolClient, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import { ConflictError, InputError } from '../common/errors';
import { newId } from '../common/ids';
import { RaterGroupName } from '../common/rater-group';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { SubmitSurveyInput } from './dto/survey.input';
import { SubmissionReceipt, SubmissionStatusValue } from './dto/survey.model';
import { SubmissionEntity } from './submission.entity';
import { checkSurveyAnswers } from './survey-answers';
import { SurveyLinkError } from './survey-link';

/** One submission waiting for its group's transaction. */
export interface PendingSubmission {
  input: SubmitSurveyInput;
  tokenHash: string;
  requestHash: string;
  /** The request's correlation id, carried by its `survey.submitted` event. */
  correlationId?: string;
}

export interface SubmissionOutcome {
  receipt: SubmissionReceipt;
  /** The cycle whose progress changed (null when the receipt was replayed). */
  cycleId: string | null;
}

interface Waiting extends PendingSubmission {
  resolve(outcome: SubmissionOutcome): void;
  reject(error: unknown): void;
}

interface LinkRow {
  id: string;
  organisation_id: string;
  cycle_id: string;
  subject_id: string;
  rater_group: RaterGroupName;
  token_hash: string;
  status: string;
  revoked_at: Date | null;
  cycle_status: string;
  closes_at: Date;
  instrument_id: string;
  instrument_version: number;
  role_profile_id: string;
  anonymity_threshold: number;
  comment_threshold: number | null;
  /** The items the cycle asks (a follow-up pulse: its slots); null = every item. */
  asked_items: string[] | null;
}

interface ReceiptRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  assignment_id: string;
  status: SubmissionStatusValue;
  reasons: { field: string; message: string }[] | null;
  accepted_at: Date;
}

export interface SubmissionBatcherOptions {
  /** How long the first submission of a group waits for others (ms). */
  lingerMs: number;
  /** A group is committed at once when it reaches this many submissions. */
  maxGroup: number;
  /**
   * Group transactions in flight at most. Submissions arriving while that many are out wait for
   * one to finish and go together in the next (adaptive group commit): under load the groups grow
   * instead of the transactions multiplying; a lone submission still waits only the linger.
   */
  maxConcurrentGroups: number;
  /**
   * When a group's transaction fails as a whole, its submissions are retried one per transaction,
   * this many at a time (the rest of the pool stays free for the other requests).
   */
  maxConcurrentRetries: number;
}

const CONFLICTING_KEY = 'This idempotency key was already used for a different submission';
const SUBMITTED_ALREADY = 'This survey was submitted already and is read-only';

/**
 * Group commit for `submitSurvey` (the hot path): submissions arriving from many concurrent requests
 * within a short linger (3 ms, or 512 of them; and, while a group is being written, until it
 * finishes) are written in ONE PostgreSQL transaction on prepared
 * statements (pg named queries, parsed and planned once per connection), without the ORM:
 *
 * 1. lock the assignments by token hash (`FOR UPDATE`) and share-lock their cycles;
 * 2. read the receipts already stored under the same (assignment, idempotency key) pairs — a key is
 *    scoped to its assignment, so another rater's identical key is another submission;
 * 3. decide each submission alone, in memory: unknown or revoked link, receipt replay (same key and
 *    body → the same receipt, also for a repeat inside the same group) or CONFLICT (same key, other
 *    body), closed cycle, submitted already, the framework's answer rules;
 * 4. one statement (data-modifying CTEs) that inserts the receipts, marks the assignments submitted
 *    (with the final answers kept until the survey service records them) and inserts the
 *    `survey.submitted` outbox rows: state change and event in the same transaction.
 *
 * A refused submission is answered alone and never written; the others commit together. If the
 * group's transaction fails as a whole (a key or assignment raced in from another gateway replica,
 * a deadlock, a failing statement), every submission of the group is retried in a transaction of
 * its own (four at a time), so one failure never sinks the others. Every answer is given only after its commit:
 * no receipt for a rolled-back write.
 */
@Injectable()
export class SubmissionBatcher implements OnModuleDestroy {
  private readonly logger = new Logger(SubmissionBatcher.name);
  /**
   * Tuning: a group waits at most 3 ms for company, holds at most 512 submissions, and one group is
   * written at a time (what arrives meanwhile goes together in the next). Measured in the benchmark
   * (1,500 submissions, 32 raters, 2 shared cores, loaded): with 4 groups in flight they were written
   * in 250–900 groups depending on the load (five statements each), with 2 in 205–385, with 1 in
   * 100–130, always, at the lowest CPU per submission (docs/benchmarks.md). A group waits only for
   * the rows of its own links, which other transactions lock briefly (a draft save, another replica).
   * The cap matters only when submissions arrive faster than groups commit (200/s offered on a
   * saturated machine, or a wave after a reminder): at 64 a group took up to a second there, so the
   * gateway accepted 64 a second while the rest queued (accept p50 3.2 s at S); at 512 the group
   * takes what waited (p50 1.7 s, less CPU per submission: docs/benchmarks.md, "Twenty-sixth round").
   */
  static options: SubmissionBatcherOptions = { lingerMs: 3, maxGroup: 512, maxConcurrentGroups: 1, maxConcurrentRetries: 4 };
  private readonly options = SubmissionBatcher.options;
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Groups committed, and the largest one: lets tests see that grouping happens. */
  readonly stats = { groups: 0, submissions: 0, largestGroup: 0, fallbacks: 0, largestRetryConcurrency: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sql: ReturnType<typeof statements>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    // Table names come from the entities, as everywhere in the gateway.
    const submission = dataSource.getMetadata(SubmissionEntity);
    this.sql = statements({
      assignment: dataSource.getMetadata(AssignmentEntity).tablePath,
      cycle: dataSource.getMetadata(CycleEntity).tablePath,
      submission: submission.tablePath,
      outbox: `${submission.schema ?? 'public'}.outbox_event`,
    });
  }

  /** TypeORM's own pg pool: the hot path shares its connections, not its query layer. */
  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  submit(pending: PendingSubmission): Promise<SubmissionOutcome> {
    return new Promise<SubmissionOutcome>((resolve, reject) => {
      this.queue.push({ ...pending, resolve, reject });
      if (this.queue.length >= this.options.maxGroup) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
    });
  }

  /** On shutdown: what is queued is written, and what is being written finishes. */
  async onModuleDestroy(): Promise<void> {
    do {
      this.flush();
      await Promise.allSettled([...this.inFlight]);
    } while (this.queue.length > 0);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // At the limit, the next group starts when one in flight finishes (see maxConcurrentGroups).
    while (this.queue.length > 0 && this.inFlight.size < this.options.maxConcurrentGroups) {
      const group = this.queue.splice(0, this.options.maxGroup);
      const run: Promise<void> = this.commitGroup(group).finally(() => {
        this.inFlight.delete(run);
        if (this.queue.length > 0) this.flush();
      });
      this.inFlight.add(run);
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    this.stats.groups++;
    this.stats.submissions += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    try {
      const settle = await this.inTransaction(group);
      settle();
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      // The group's transaction failed as a whole: each submission alone, so only the culprit fails.
      this.stats.fallbacks++;
      this.logger.debug(`group of ${group.length} retried one by one: ${String(error)}`);
      // At most maxConcurrentRetries at once: a group of 512 must not take the whole pool.
      const left = [...group];
      let running = 0;
      const retryNext = async (): Promise<void> => {
        for (let one = left.shift(); one; one = left.shift()) {
          this.stats.largestRetryConcurrency = Math.max(this.stats.largestRetryConcurrency, ++running);
          await this.inTransaction([one]).then(
            (settle) => settle(),
            (e: unknown) => one.reject(e),
          );
          running--;
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.options.maxConcurrentRetries, group.length) }, retryNext));
    }
  }

  /**
   * Writes one group in one transaction. Resolves with a function that answers every waiting
   * request, called only after the commit.
   */
  private async inTransaction(group: Waiting[]): Promise<() => void> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const answers = await this.decide(client, group);
      await client.query('COMMIT');
      return answers;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if ((error as { code?: string }).code === '23505' && group.length === 1 && !broken) {
        // The same key raced in from another request or replica: replay the winner's receipt, or
        // refuse a different body.
        return await this.replayAfterRace(client, group[0]);
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async replayAfterRace(client: PoolClient, one: Waiting): Promise<() => void> {
    const { rows } = await client.query<ReceiptRow>(this.sql.receiptByTokenAndKey, [one.tokenHash, one.input.idempotencyKey]);
    const winner = rows[0];
    if (!winner) return () => one.reject(new ConflictError(SUBMITTED_ALREADY, { reason: 'submittedAlready' }));
    if (winner.request_hash !== one.requestHash) return () => one.reject(new ConflictError(CONFLICTING_KEY));
    return () => one.resolve({ receipt: toReceipt(winner), cycleId: null });
  }

  private async decide(client: PoolClient, group: Waiting[]): Promise<() => void> {
    const { rows: links } = await client.query<LinkRow>(this.sql.lockLinks, [[...new Set(group.map((g) => g.tokenHash))]]);
    const linkByHash = new Map(links.map((l) => [l.token_hash, l]));
    const pairs = group.flatMap((g) => {
      const link = linkByHash.get(g.tokenHash);
      return link ? [[link.id, g.input.idempotencyKey]] : [];
    });
    const { rows: stored } = pairs.length
      ? await client.query<ReceiptRow>(this.sql.receiptsByKey, [pairs.map((p) => p[0]), pairs.map((p) => p[1])])
      : { rows: [] as ReceiptRow[] };
    const receiptOf = new Map(stored.map((r) => [`${r.assignment_id}:${r.idempotency_key}`, r]));
    const submittedNow = new Set<string>();
    const acceptedAt = new Date();
    const outcomes: (() => void)[] = [];
    const rows = { id: [] as string[], key: [] as string[], hash: [] as string[], org: [] as string[], assignment: [] as string[] };
    const marks = { id: [] as string[], answers: [] as string[], comments: [] as string[] };
    const envelopes: EventEnvelope[] = [];
    const instruments = new Map<string, InstrumentDefinition>();

    for (const one of group) {
      const fail = (error: unknown) => outcomes.push(() => one.reject(error));
      const link = linkByHash.get(one.tokenHash);
      if (!link || link.revoked_at) {
        fail(new SurveyLinkError());
        continue;
      }
      const previous = receiptOf.get(`${link.id}:${one.input.idempotencyKey}`);
      if (previous) {
        if (previous.request_hash !== one.requestHash) fail(new ConflictError(CONFLICTING_KEY));
        else {
          const receipt = toReceipt(previous);
          outcomes.push(() => one.resolve({ receipt, cycleId: null }));
        }
        continue;
      }
      if ((link.cycle_status !== 'launched' && link.cycle_status !== 'launching') || link.closes_at.getTime() <= Date.now()) {
        fail(
          new ConflictError(
            `This cycle closed on ${link.closes_at.toISOString().slice(0, 10)}: answers can no longer be saved or submitted`,
          ),
        );
        continue;
      }
      if (link.status === 'submitted' || submittedNow.has(link.id)) {
        fail(new ConflictError(SUBMITTED_ALREADY, { reason: 'submittedAlready' }));
        continue;
      }
      const instrumentKey = `${link.instrument_id}@${link.instrument_version}`;
      let instrument = instruments.get(instrumentKey);
      if (!instrument) instruments.set(instrumentKey, (instrument = getInstrument(link.instrument_id, link.instrument_version)));
      const checked = checkSurveyAnswers(one.input, instrument, link.rater_group, true, link.asked_items);
      if (checked.problems.length) {
        fail(new InputError(checked.problems));
        continue;
      }
      const id = newId();
      submittedNow.add(link.id);
      rows.id.push(id);
      rows.key.push(one.input.idempotencyKey);
      rows.hash.push(one.requestHash);
      rows.org.push(link.organisation_id);
      rows.assignment.push(link.id);
      marks.id.push(link.id);
      marks.answers.push(JSON.stringify(checked.answers));
      marks.comments.push(JSON.stringify(checked.comments));
      envelopes.push(
        createEnvelope(
          surveySubmittedV1,
          {
            submissionId: id,
            cycleId: link.cycle_id,
            subjectId: link.subject_id,
            raterId: link.id,
            raterGroup: link.rater_group,
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            answers: checked.answers,
            comments: checked.comments,
            policy: {
              minGroupSize: link.anonymity_threshold,
              // an instrument without role profiles (the follow-up pulse) is scored without one
              roleProfileId: link.role_profile_id || null,
              // the stricter threshold for comments travels only when it is stricter
              ...(link.comment_threshold !== null && link.comment_threshold > link.anonymity_threshold
                ? { commentThreshold: link.comment_threshold }
                : {}),
            },
            submittedAt: acceptedAt.toISOString(),
          },
          { organisationId: link.organisation_id, correlationId: one.correlationId },
        ),
      );
      // The same key and body again in this group replays this receipt; another body conflicts.
      receiptOf.set(`${link.id}:${one.input.idempotencyKey}`, {
        id,
        idempotency_key: one.input.idempotencyKey,
        request_hash: one.requestHash,
        assignment_id: link.id,
        status: SubmissionStatusValue.accepted,
        reasons: null,
        accepted_at: acceptedAt,
      });
      const receipt: SubmissionReceipt = { submissionId: id, status: SubmissionStatusValue.accepted, acceptedAt, reasons: [] };
      const cycleId = link.cycle_id;
      outcomes.push(() => one.resolve({ receipt, cycleId }));
    }

    if (rows.id.length > 0) {
      // Receipts, assignments and outbox rows in one statement (one round trip).
      await client.query(this.sql.writeGroup, [
        rows.id,
        rows.key,
        rows.hash,
        rows.org,
        rows.assignment,
        acceptedAt,
        marks.id,
        marks.answers,
        marks.comments,
        envelopes.map((e) => e.id),
        envelopes.map((e) => JSON.stringify(e)),
        envelopes.map((e) => e.type),
        envelopes.map((e) => e.version),
        envelopes.map((e) => e.key),
        envelopes.map((e) => e.correlationId),
      ]);
    }
    return () => {
      for (const answer of outcomes) answer();
    };
  }
}

/** The hot path's prepared statements (pg named queries: parsed and planned once per connection). */
function statements(t: { assignment: string; cycle: string; submission: string; outbox: string }) {
  const q = (name: string, text: string): QueryConfig => ({ name: `submit-survey-${name}`, text });
  return {
    lockLinks: q(
      'lock-links',
      `SELECT a.id, a.organisation_id, a.cycle_id, a.subject_id, a.rater_group, a.token_hash, a.status, a.revoked_at,
              c.status AS cycle_status, c.closes_at, c.instrument_id, c.instrument_version, c.role_profile_id, c.anonymity_threshold, c.comment_threshold, c.asked_items
         FROM ${t.assignment} a JOIN ${t.cycle} c ON c.id = a.cycle_id
        WHERE a.token_hash = ANY($1::text[])
        ORDER BY a.id
          FOR UPDATE OF a FOR SHARE OF c`,
    ),
    receiptsByKey: q(
      'receipts-by-key',
      // per key (LATERAL; OFFSET 0 keeps it from being turned back into one join over the whole
      // table), through the (assignment, idempotency key) unique index, whatever the statistics say
      `SELECT s.* FROM unnest($1::uuid[], $2::uuid[]) AS k(assignment_id, idempotency_key)
         CROSS JOIN LATERAL (
           SELECT s.id, s.idempotency_key, s.request_hash, s.assignment_id, s.status, s.reasons, s.accepted_at
             FROM ${t.submission} s WHERE s.assignment_id = k.assignment_id AND s.idempotency_key = k.idempotency_key OFFSET 0) s`,
    ),
    receiptByTokenAndKey: q(
      'receipt-by-token-and-key',
      `SELECT s.id, s.idempotency_key, s.request_hash, s.assignment_id, s.status, s.reasons, s.accepted_at
         FROM ${t.submission} s JOIN ${t.assignment} a ON a.id = s.assignment_id
        WHERE a.token_hash = $1 AND s.idempotency_key = $2`,
    ),
    // The group's writes as one statement: the receipts (a repeated key fails it with 23505, as
    // before), the assignments marked submitted with their final answers, and the outbox rows in
    // the order of the group. Data-modifying CTEs on different tables; the foreign keys are
    // checked at the end of the statement.
    writeGroup: q(
      'write-group',
      `WITH receipts AS (
         INSERT INTO ${t.submission} (id, idempotency_key, request_hash, organisation_id, assignment_id, status, accepted_at)
         SELECT id, key, hash, org, assignment, 'accepted', $6::timestamptz
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[]) AS t(id, key, hash, org, assignment)
       ), marked AS (
         UPDATE ${t.assignment} a
            SET status = 'submitted', submitted_at = $6::timestamptz, started_at = COALESCE(a.started_at, $6::timestamptz),
                draft_answers = m.answers, draft_comments = m.comments
           FROM unnest($7::uuid[], $8::jsonb[], $9::jsonb[]) AS m(id, answers, comments)
          WHERE a.id = m.id
       )
       INSERT INTO ${t.outbox} (event_id, envelope, type, version, key, correlation_id)
       SELECT id, envelope, type, version, key, correlation_id
         FROM unnest($10::uuid[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[])
              WITH ORDINALITY AS e(id, envelope, type, version, key, correlation_id, n)
        ORDER BY n`,
    ),
  };
}

function toReceipt(row: ReceiptRow): SubmissionReceipt {
  return { submissionId: row.id, status: row.status, acceptedAt: row.accepted_at, reasons: row.reasons ?? [] };
}
