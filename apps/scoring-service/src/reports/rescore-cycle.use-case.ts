import { reportUpdatedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeSubjectReport, latestResponses, reportSeed, resolveBasis, ScoringBasisError } from './compute-report';
import { RescoreEntity, SubjectReportEntity } from './report.entity';
import { toReportUpdated } from './rescore-subject.use-case';

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
 * earlier result sets, the live one included, are kept. Each subject is scored in its own
 * transaction together with its `report.updated` (resultSet = rescoreId) in the outbox, and a subject
 * already scored in this result set is skipped: a rescore interrupted midway (a crash, a redelivered
 * request) resumes and never writes or announces a subject twice.
 *
 * Shared by the `cycle.rescore-requested` consumer and the rescore CLI.
 */
@Injectable()
export class RescoreCycleUseCase {
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
  async liveBasis(cycleId: string): Promise<{ instrumentId: string; instrumentVersion: number; roleProfileId: string | null; minGroupSize: number } | null> {
    const rows: { instrument_id: string; instrument_version: number; policy: { minGroupSize: number; roleProfileId: string | null } }[] =
      await this.dataSource.query(
        `SELECT "instrument_id", "instrument_version", "policy" FROM "scoring"."rater_response"
         WHERE "cycle_id" = $1 ORDER BY "recorded_at" DESC LIMIT 1`,
        [cycleId],
      );
    if (rows.length === 0) return null;
    const r = rows[0];
    return { instrumentId: r.instrument_id, instrumentVersion: r.instrument_version, roleProfileId: r.policy.roleProfileId, minGroupSize: r.policy.minGroupSize };
  }

  async execute(request: RescoreCycleRequest, onProgress?: (progress: RescoreProgress) => void | Promise<void>): Promise<RescoreCycleResult> {
    const live = await this.liveBasis(request.cycleId);
    if (!live) throw new ScoringBasisError(`cycle "${request.cycleId}" has no stored responses`);
    const basis = {
      instrumentId: request.instrumentId ?? live.instrumentId,
      instrumentVersion: request.instrumentVersion,
      roleProfileId: request.roleProfileId === undefined ? live.roleProfileId : request.roleProfileId,
      minGroupSize: request.minGroupSize ?? live.minGroupSize,
    };
    resolveBasis(basis); // fails early, before anything is written

    await this.dataSource.query(
      `INSERT INTO "scoring"."rescore" ("rescore_id", "cycle_id", "instrument_id", "instrument_version", "role_profile_id", "min_group_size", "requested_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [request.rescoreId, request.cycleId, basis.instrumentId, basis.instrumentVersion, basis.roleProfileId, basis.minGroupSize, request.requestedAt ?? new Date()],
    );

    const subjects: string[] = (
      await this.dataSource.query(`SELECT DISTINCT "subject_id" FROM "scoring"."rater_response" WHERE "cycle_id" = $1 ORDER BY "subject_id"`, [
        request.cycleId,
      ])
    ).map((r: { subject_id: string }) => r.subject_id);
    const finished = new Set<string>(
      (
        await this.dataSource.query(`SELECT "subject_id" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2`, [
          request.cycleId,
          request.rescoreId,
        ])
      ).map((r: { subject_id: string }) => r.subject_id),
    );

    let done = finished.size;
    let scored = 0;
    let ignoredAnswers = 0;
    for (const subjectId of subjects) {
      if (finished.has(subjectId)) continue;
      const wrote = await this.outbox.transact(async ({ manager, emit }) => {
        const latest = await latestResponses(manager, request.cycleId, subjectId);
        if (latest.length === 0) return false;
        const computed = computeSubjectReport(latest, basis, reportSeed(request.cycleId, subjectId));
        const report = manager.getRepository(SubjectReportEntity).create({
          cycleId: request.cycleId,
          subjectId,
          resultSet: request.rescoreId,
          organisationId: latest[0].organisationId,
          reportVersion: 1,
          ...basis,
          groupCounts: computed.groupCounts,
          responseCount: computed.responseCount,
          report: computed.report as unknown as Record<string, unknown>,
          scoredAt: new Date(),
        });
        // A concurrent run of the same rescore may have written it: then this one does nothing.
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "scoring"."subject_report" ("cycle_id", "subject_id", "result_set", "organisation_id", "report_version",
             "instrument_id", "instrument_version", "role_profile_id", "min_group_size", "group_counts", "response_count", "report", "scored_at")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT DO NOTHING RETURNING "subject_id"`,
          [report.cycleId, report.subjectId, report.resultSet, report.organisationId, report.reportVersion, report.instrumentId, report.instrumentVersion,
            report.roleProfileId, report.minGroupSize, JSON.stringify(report.groupCounts), report.responseCount, JSON.stringify(report.report), report.scoredAt],
        );
        if (inserted.length === 0) return false;
        emit(reportUpdatedV1, toReportUpdated(report), {
          organisationId: report.organisationId,
          correlationId: request.correlationId ?? request.rescoreId,
        });
        ignoredAnswers += computed.ignoredAnswers;
        return true;
      });
      if (wrote) scored++;
      done++;
      await onProgress?.({ cycleId: request.cycleId, subjectId, done, total: subjects.length });
    }

    await this.dataSource.query(
      `UPDATE "scoring"."rescore" SET "completed_at" = coalesce("completed_at", now()), "subject_count" = $3 WHERE "rescore_id" = $1 AND "cycle_id" = $2`,
      [request.rescoreId, request.cycleId, subjects.length],
    );
    return { rescoreId: request.rescoreId, cycleId: request.cycleId, subjects: subjects.length, scored, skipped: subjects.length - scored, ignoredAnswers };
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
    const [ra, rb] = await Promise.all([repo.findOneBy({ cycleId, subjectId, resultSet: a }), repo.findOneBy({ cycleId, subjectId, resultSet: b })]);
    if (!ra || !rb) return null;
    type Dim = { dimensionId: string; others: { mean?: number; suppressed?: boolean }; expectation: { fit: number } | null };
    const dims = (r: SubjectReportEntity) => new Map(((r.report as { scores: { dimensions: Dim[] } }).scores.dimensions).map((d) => [d.dimensionId, d]));
    const da = dims(ra);
    const db = dims(rb);
    const mean = (d: Dim | undefined) => (d && !d.others.suppressed && typeof d.others.mean === 'number' ? d.others.mean : null);
    const overall = (r: SubjectReportEntity) => (r.report as { overall: { others: number | null; fit: number | null } }).overall;
    return {
      cycleId,
      subjectId,
      a: { resultSet: a, instrumentVersion: ra.instrumentVersion, roleProfileId: ra.roleProfileId, others: overall(ra).others, fit: overall(ra).fit },
      b: { resultSet: b, instrumentVersion: rb.instrumentVersion, roleProfileId: rb.roleProfileId, others: overall(rb).others, fit: overall(rb).fit },
      dimensions: [...new Set([...da.keys(), ...db.keys()])].map((dimensionId) => {
        const x = da.get(dimensionId);
        const y = db.get(dimensionId);
        const [ma, mb] = [mean(x), mean(y)];
        return { dimensionId, a: ma, b: mb, delta: ma !== null && mb !== null ? mb - ma : null, fitA: x?.expectation?.fit ?? null, fitB: y?.expectation?.fit ?? null };
      }),
    };
  }
}

export interface ResultSetComparison {
  cycleId: string;
  subjectId: string;
  a: { resultSet: string; instrumentVersion: number; roleProfileId: string | null; others: number | null; fit: number | null };
  b: { resultSet: string; instrumentVersion: number; roleProfileId: string | null; others: number | null; fit: number | null };
  dimensions: { dimensionId: string; a: number | null; b: number | null; delta: number | null; fitA: number | null; fitB: number | null }[];
}
