import { cycleScoreRequestedV1, reportUpdatedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ComputedReport, reportSeed, resolveBasis, ScoringBasisError, StoredResponse } from './compute-report';
import { RescoreEntity, SubjectReportEntity } from './report.entity';
import { toReportUpdated } from './rescore-subject.use-case';
import { currentLiveReport, discloseResultSet, ledgerKey, loadLedgers } from '../disclosure/disclosure-ledger';

export interface RescoreCycleRequest {
  /** Also the id of the result set the rescore writes. */
  rescoreId: string;
  cycleId: string;
  /** Default: the instrument the cycle's responses were recorded with. */
  instrumentId?: string;
  instrumentVersion: number;
  /** Default: the cycle's own (from its responses' policy). */
  roleProfileId?: string | null;
  /** Default: the cycle's own (from its responses' policy). */
  minGroupSize?: number;
  requestedAt?: Date;
  correlationId?: string;
}

export interface RescoreProgress {
  cycleId: string;
  subjectId: string;
  /** Subjects of this cycle finished so far (including ones a previous run finished). */
  done: number;
  total: number;
}

export interface RescoreCycleResult {
  rescoreId: string;
  cycleId: string;
  subjects: number;
  /** Subjects scored by this run (the rest were scored by an earlier, interrupted run). */
  scored: number;
  skipped: number;
  ignoredAnswers: number;
}

/**
 * Rescores every subject of one cycle from its stored responses under another instrument version,
 * role profile or threshold, with no new survey. Results are a new result set (id = rescoreId):
 * earlier result sets, the live one included, are kept. Subjects are scored in chunks of
 * `chunkSize`, one transaction each: one query reads the latest answers of the chunk's subjects, each
 * is scored in memory, one statement inserts their reports and one their `report.updated`
 * (resultSet = rescoreId) in the outbox. A subject already scored in this result set is skipped: a
 * rescore interrupted midway (a crash, a redelivered request) resumes from the last committed chunk
 * and never writes or announces a subject twice.
 *
 * Shared by the `cycle.rescore-requested` consumer and the rescore CLI.
 */
@Injectable()
export class RescoreCycleUseCase {
  /** Subjects scored per transaction (one read, one report insert and one outbox insert each). */
  static chunkSize = 200;

  constructor(
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
  ) {}

  /** Every cycle with stored responses. */
  async cycles(): Promise<string[]> {
    const rows: { cycle_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT "cycle_id" FROM "scoring"."rater_response" ORDER BY "cycle_id"`,
    );
    return rows.map((r) => r.cycle_id);
  }

  /** The cycle's own scoring basis (from its latest recorded response), or null when it has no responses. */
  async liveBasis(cycleId: string): Promise<{
    instrumentId: string;
    instrumentVersion: number;
    roleProfileId: string | null;
    minGroupSize: number;
    commentThreshold: number | null;
  } | null> {
    const rows: {
      instrument_id: string;
      instrument_version: number;
      policy: { minGroupSize: number; roleProfileId: string | null; commentThreshold?: number };
    }[] = await this.dataSource.query(
      `SELECT "instrument_id", "instrument_version", "policy" FROM "scoring"."rater_response"
         WHERE "cycle_id" = $1 ORDER BY "recorded_at" DESC LIMIT 1`,
      [cycleId],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      instrumentId: r.instrument_id,
      instrumentVersion: r.instrument_version,
      roleProfileId: r.policy.roleProfileId,
      minGroupSize: r.policy.minGroupSize,
      commentThreshold: r.policy.commentThreshold ?? null,
    };
  }

  async execute(
    request: RescoreCycleRequest,
    onProgress?: (progress: RescoreProgress) => void | Promise<void>,
  ): Promise<RescoreCycleResult> {
    const live = await this.liveBasis(request.cycleId);
    if (!live) throw new ScoringBasisError(`cycle "${request.cycleId}" has no stored responses`);
    const basis = {
      instrumentId: request.instrumentId ?? live.instrumentId,
      instrumentVersion: request.instrumentVersion,
      roleProfileId: request.roleProfileId === undefined ? live.roleProfileId : request.roleProfileId,
      minGroupSize: request.minGroupSize ?? live.minGroupSize,
      // A rescore keeps the cycle's comment threshold (never below its own minGroupSize).
      commentThreshold: live.commentThreshold === null ? null : Math.max(live.commentThreshold, request.minGroupSize ?? live.minGroupSize),
    };
    resolveBasis(basis); // fails early, before anything is written

    await this.dataSource.query(
      `INSERT INTO "scoring"."rescore" ("rescore_id", "cycle_id", "instrument_id", "instrument_version", "role_profile_id", "min_group_size", "requested_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        request.rescoreId,
        request.cycleId,
        basis.instrumentId,
        basis.instrumentVersion,
        basis.roleProfileId,
        basis.minGroupSize,
        request.requestedAt ?? new Date(),
      ],
    );

    const subjects: string[] = (
      await this.dataSource.query<{ subject_id: string }[]>(
        `SELECT DISTINCT "subject_id" FROM "scoring"."rater_response" WHERE "cycle_id" = $1 ORDER BY "subject_id"`,
        [request.cycleId],
      )
    ).map((r: { subject_id: string }) => r.subject_id);
    const finished = new Set<string>(
      (
        await this.dataSource.query<{ subject_id: string }[]>(
          `SELECT "subject_id" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2`,
          [request.cycleId, request.rescoreId],
        )
      ).map((r: { subject_id: string }) => r.subject_id),
    );

    let done = finished.size;
    let scored = 0;
    let ignoredAnswers = 0;
    const pending = subjects.filter((s) => !finished.has(s));
    const chunkSize = Math.max(1, RescoreCycleUseCase.chunkSize);
    for (let i = 0; i < pending.length; i += chunkSize) {
      const chunk = pending.slice(i, i + chunkSize);
      const result = await this.outbox.transact(async ({ manager, emit }) => {
        const latest = await latestResponsesOfCycle(manager, request.cycleId, chunk);
        const scoredAt = new Date();
        const rows: (Record<string, unknown> & { subject_id: string })[] = [];
        const computedOf = new Map<string, ComputedReport>();
        // Subjects are locked like live scoring does, so a snapshot is not taken while its rescore is decided.
        await manager.query(
          `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS locks`,
          [chunk.map((subjectId) => `scoring:${request.cycleId}:${subjectId}`)],
        );
        // The chunk's disclosure ledgers in two queries, read under the locks just taken.
        const ledgers = await loadLedgers(
          manager,
          chunk.map((subjectId) => ({ cycleId: request.cycleId, subjectId })),
        );
        for (const subjectId of chunk) {
          const responses = latest.get(subjectId);
          if (!responses || responses.length === 0) continue;
          // The rescore scores the subject's disclosed snapshot, and only if the disclosure rule lets it be shown.
          const outcome = await discloseResultSet(
            manager,
            { cycleId: request.cycleId, subjectId },
            request.rescoreId,
            basis,
            reportSeed(request.cycleId, subjectId),
            ledgers.get(ledgerKey(request.cycleId, subjectId)),
          );
          const computed: ComputedReport =
            'computed' in outcome
              ? outcome.computed
              : { report: {} as ComputedReport['report'], groupCounts: {}, responseCount: 0, ignoredAnswers: 0 };
          if ('computed' in outcome) computedOf.set(subjectId, computed);
          rows.push({
            cycle_id: request.cycleId,
            subject_id: subjectId,
            result_set: request.rescoreId,
            organisation_id: responses[0].organisationId,
            report_version: 1,
            instrument_id: basis.instrumentId,
            instrument_version: basis.instrumentVersion,
            role_profile_id: basis.roleProfileId,
            min_group_size: basis.minGroupSize,
            group_counts: computed.groupCounts,
            response_count: computed.responseCount,
            report: computed.report,
            withheld: 'withheld' in outcome ? outcome.withheld : null,
          });
        }
        if (rows.length === 0) return { wrote: new Set<string>(), ignored: 0 };
        // One insert for the whole chunk. A concurrent run of the same rescore may have written some
        // of these subjects: those rows are left as they are and not announced again.
        // Multi-row VALUES with one parameter per column: each report is parsed by PostgreSQL once
        // (jsonb_to_recordset would parse the chunk's JSON and then each report again).
        const columns = [
          'cycle_id',
          'subject_id',
          'result_set',
          'organisation_id',
          'report_version',
          'instrument_id',
          'instrument_version',
          'role_profile_id',
          'min_group_size',
          'group_counts',
          'response_count',
          'report',
          'withheld',
        ] as const;
        const casts: Record<string, string> = {
          report_version: '::int',
          instrument_version: '::int',
          min_group_size: '::int',
          response_count: '::int',
          group_counts: '::jsonb',
          report: '::jsonb',
        };
        const params: unknown[] = [scoredAt.toISOString()];
        const tuples = rows.map((row) => {
          const slots = columns.map((c) => {
            const v = row[c];
            params.push(c === 'group_counts' || c === 'report' ? JSON.stringify(v) : v);
            return `$${params.length}${casts[c] ?? ''}`;
          });
          return `(${slots.join(', ')}, $1::timestamptz)`;
        });
        const inserted: { subject_id: string }[] = await manager.query(
          `INSERT INTO "scoring"."subject_report" ("cycle_id", "subject_id", "result_set", "organisation_id", "report_version",
             "instrument_id", "instrument_version", "role_profile_id", "min_group_size", "group_counts", "response_count", "report", "withheld", "scored_at")
           VALUES ${tuples.join(', ')}
           ON CONFLICT DO NOTHING RETURNING "subject_id"`,
          params,
        );
        const wrote = new Set(inserted.map((r) => r.subject_id));
        let ignored = 0;
        // All report.updated of the chunk go to the outbox in one statement when the transaction commits.
        for (const row of rows) {
          const computed = computedOf.get(row.subject_id);
          if (!wrote.has(row.subject_id) || !computed) continue; // withheld: nothing is announced
          const report = Object.assign(new SubjectReportEntity(), {
            cycleId: request.cycleId,
            subjectId: row.subject_id,
            resultSet: request.rescoreId,
            organisationId: row.organisation_id as string,
            reportVersion: 1,
            ...basis,
            groupCounts: computed.groupCounts,
            responseCount: computed.responseCount,
            report: computed.report,
            scoredAt,
          });
          emit(reportUpdatedV1, toReportUpdated(report), {
            organisationId: report.organisationId,
            correlationId: request.correlationId ?? request.rescoreId,
          });
          ignored += computed.ignoredAnswers;
        }
        return { wrote, ignored };
      });
      scored += result.wrote.size;
      ignoredAnswers += result.ignored;
      for (const subjectId of chunk) {
        done++;
        await onProgress?.({ cycleId: request.cycleId, subjectId, done, total: subjects.length });
      }
    }

    // Completing the rescore and asking for its cycle-level result (norms, reliability, comparisons)
    // commit together; the request is asked once per rescore (a resumed run does not ask again).
    await this.outbox.transact(async ({ manager, emit }) => {
      const completed: { rescore_id: string }[] = await manager.query(
        `UPDATE "scoring"."rescore" SET "completed_at" = now(), "subject_count" = $3
         WHERE "rescore_id" = $1 AND "cycle_id" = $2 AND "completed_at" IS NULL RETURNING "rescore_id"`,
        [request.rescoreId, request.cycleId, subjects.length],
      );
      if (completed.length === 0 || subjects.length === 0) return;
      const organisationId: string = (
        await manager.query<{ organisation_id: string }[]>(
          `SELECT "organisation_id" FROM "scoring"."rater_response" WHERE "cycle_id" = $1 LIMIT 1`,
          [request.cycleId],
        )
      )[0].organisation_id;
      emit(
        cycleScoreRequestedV1,
        {
          requestId: randomUUID(),
          cycleId: request.cycleId,
          resultSet: request.rescoreId,
          closed: false,
          requestedAt: new Date().toISOString(),
        },
        { organisationId, correlationId: request.correlationId ?? request.rescoreId },
      );
    });
    return {
      rescoreId: request.rescoreId,
      cycleId: request.cycleId,
      subjects: subjects.length,
      scored,
      skipped: subjects.length - scored,
      ignoredAnswers,
    };
  }

  /** Subjects with a report in a result set. */
  async reportedSubjects(cycleId: string, resultSet: string): Promise<string[]> {
    const rows: { subject_id: string }[] = await this.dataSource.query(
      `SELECT "subject_id" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2 ORDER BY "subject_id"`,
      [cycleId, resultSet],
    );
    return rows.map((r) => r.subject_id);
  }

  /** The result sets of a cycle: 'live' first, then its rescores in the order they were asked for. */
  async resultSets(cycleId: string): Promise<{ resultSet: string; rescore: RescoreEntity | null }[]> {
    const rescores = await this.dataSource.getRepository(RescoreEntity).find({ where: { cycleId }, order: { requestedAt: 'ASC' } });
    return [{ resultSet: 'live', rescore: null }, ...rescores.map((r) => ({ resultSet: r.rescoreId, rescore: r }))];
  }

  /**
   * Compares one subject's report in two result sets: per dimension the others' mean and fit in
   * each, and the overall figures. Null where a set has no published figure.
   */
  async compare(cycleId: string, subjectId: string, a: string, b: string): Promise<ResultSetComparison | null> {
    const repo = this.dataSource.getRepository(SubjectReportEntity);
    const shown = async (resultSet: string): Promise<SubjectReportEntity | null> => {
      const row = await repo.findOneBy({ cycleId, subjectId, resultSet });
      const withheld: { withheld: string | null }[] = await this.dataSource.query(
        `SELECT "withheld" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = $3`,
        [cycleId, subjectId, resultSet],
      );
      if (!row || withheld[0]?.withheld) return null;
      if (resultSet !== 'live') return row;
      // the live figures anyone may see are the snapshot in force, never the raw scoring
      const report = await currentLiveReport(this.dataSource.manager, cycleId, subjectId);
      return report ? Object.assign(row, { report }) : null;
    };
    const [ra, rb] = await Promise.all([shown(a), shown(b)]);
    if (!ra || !rb) return null;
    type Dim = { dimensionId: string; others: { mean?: number; suppressed?: boolean }; expectation: { fit: number } | null };
    const dims = (r: SubjectReportEntity) =>
      new Map((r.report as { scores: { dimensions: Dim[] } }).scores.dimensions.map((d) => [d.dimensionId, d]));
    const da = dims(ra);
    const db = dims(rb);
    const mean = (d: Dim | undefined) => (d && !d.others.suppressed && typeof d.others.mean === 'number' ? d.others.mean : null);
    const overall = (r: SubjectReportEntity) => (r.report as { overall: { others: number | null; fit: number | null } }).overall;
    return {
      cycleId,
      subjectId,
      a: {
        resultSet: a,
        instrumentVersion: ra.instrumentVersion,
        roleProfileId: ra.roleProfileId,
        others: overall(ra).others,
        fit: overall(ra).fit,
      },
      b: {
        resultSet: b,
        instrumentVersion: rb.instrumentVersion,
        roleProfileId: rb.roleProfileId,
        others: overall(rb).others,
        fit: overall(rb).fit,
      },
      dimensions: [...new Set([...da.keys(), ...db.keys()])].map((dimensionId) => {
        const x = da.get(dimensionId);
        const y = db.get(dimensionId);
        const [ma, mb] = [mean(x), mean(y)];
        return {
          dimensionId,
          a: ma,
          b: mb,
          delta: ma !== null && mb !== null ? mb - ma : null,
          fitA: x?.expectation?.fit ?? null,
          fitB: y?.expectation?.fit ?? null,
        };
      }),
    };
  }
}

/** The latest version of each rater's answers (and its organisation) for several subjects of one cycle, in one query. */
export async function latestResponsesOfCycle(
  manager: EntityManager,
  cycleId: string,
  subjectIds: string[],
): Promise<Map<string, { organisationId: string; response: StoredResponse }[]>> {
  const rows: {
    subject_id: string;
    organisation_id: string;
    rater_id: string;
    rater_group: string;
    answers: StoredResponse['answers'];
    comments: StoredResponse['comments'];
  }[] = await manager.query(
    `SELECT DISTINCT ON (r."subject_id", r."rater_id") r."subject_id", r."organisation_id", r."rater_id", r."rater_group", r."answers", r."comments"
       FROM "scoring"."rater_response" r
       WHERE r."cycle_id" = $1 AND r."subject_id" = ANY($2::text[])
       ORDER BY r."subject_id", r."rater_id", r."response_version" DESC`,
    [cycleId, subjectIds],
  );
  const bySubject = new Map<string, { organisationId: string; response: StoredResponse }[]>();
  for (const r of rows) {
    const list = bySubject.get(r.subject_id) ?? [];
    list.push({
      organisationId: r.organisation_id,
      response: { raterId: r.rater_id, raterGroup: r.rater_group, answers: r.answers, comments: r.comments },
    });
    bySubject.set(r.subject_id, list);
  }
  return bySubject;
}

export interface ResultSetComparison {
  cycleId: string;
  subjectId: string;
  a: { resultSet: string; instrumentVersion: number; roleProfileId: string | null; others: number | null; fit: number | null };
  b: { resultSet: string; instrumentVersion: number; roleProfileId: string | null; others: number | null; fit: number | null };
  dimensions: { dimensionId: string; a: number | null; b: number | null; delta: number | null; fitA: number | null; fitB: number | null }[];
}
