import type { DimensionScores, Published, RaterGroup as ScoringGroup, Suppressed, SubjectReport as ScoredReport } from '@leaderscope/scoring';
import { ReportUpdatedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { AccessService } from '../cycles/access.service';
import { CycleEntity } from '../cycles/cycle.entity';
import { ProgressNotifier } from '../cycles/progress.notifier';
import { PeopleService } from '../people/people.service';
import { RaterGroup } from '../surveys/dto/rater-group';
import { GroupScore, Heatmap, SubjectReport } from './dto/report.model';

interface StoredReport {
  cycleId: string;
  subjectId: string;
  resultSet: string;
  reportVersion: number;
  responseCount: number;
  roleProfileId: string | null;
  instrumentVersion: number;
  groupCounts: Record<string, number>;
  report: ScoredReport;
  scoredAt: Date;
}

function groupScore(group: ScoringGroup | null, score: Published | Suppressed | (Published & { includes: ScoringGroup[] })): GroupScore {
  if ('suppressed' in score) {
    return { group: group as RaterGroup | null, n: score.n, suppressed: true, suppressionReason: score.reason, mean: null, sd: null, ciLow: null, ciHigh: null, rwg: null, includes: [] };
  }
  return {
    group: group as RaterGroup | null,
    n: score.n,
    suppressed: false,
    suppressionReason: null,
    mean: score.mean,
    sd: score.sd,
    ciLow: score.ci95?.[0] ?? null,
    ciHigh: score.ci95?.[1] ?? null,
    rwg: score.rwg,
    includes: ('includes' in score ? score.includes : []) as RaterGroup[],
  };
}

/**
 * Reports as the gateway serves them: a read model of what the scoring service computed (the
 * numbers are never recomputed here), and after release a separate publication that changes only
 * when every rater group whose count changed has at least two new responses, so a late rater
 * cannot be singled out by comparing versions.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly notifier: ProgressNotifier,
  ) {}

  /** Stores a newer report; an older or repeated version (redelivery, reordering) changes nothing. */
  async apply(organisationId: string, update: ReportUpdatedV1): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const stored: unknown[] = await manager.query(
        `INSERT INTO "gateway"."subject_report" ("cycle_id", "subject_id", "result_set", "organisation_id", "report_version", "instrument_version", "role_profile_id", "response_count", "group_counts", "report", "scored_at", "cells", "overall_fit")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT ("cycle_id", "subject_id", "result_set") DO UPDATE SET
           "report_version" = EXCLUDED."report_version", "instrument_version" = EXCLUDED."instrument_version",
           "role_profile_id" = EXCLUDED."role_profile_id", "response_count" = EXCLUDED."response_count",
           "group_counts" = EXCLUDED."group_counts", "report" = EXCLUDED."report", "scored_at" = EXCLUDED."scored_at",
           "cells" = EXCLUDED."cells", "overall_fit" = EXCLUDED."overall_fit"
         WHERE "subject_report"."report_version" < EXCLUDED."report_version"
         RETURNING "cycle_id"`,
        [update.cycleId, update.subjectId, update.resultSet, organisationId, update.reportVersion, update.instrumentVersion, update.roleProfileId,
          update.responseCount, JSON.stringify(update.groupCounts), JSON.stringify(update.report), update.scoredAt,
          JSON.stringify(heatmapCells(update.report as unknown as ScoredReport)), (update.report as unknown as ScoredReport).overall?.fit ?? null],
      );
      if (stored.length === 0 || update.resultSet !== 'live') return;
      const [cycle] = await manager.query(`SELECT "released_at" FROM "gateway"."cycle" WHERE "id"::text = $1`, [update.cycleId]);
      if (!cycle?.released_at) return;
      const [published] = await manager.query(
        `SELECT "group_counts" FROM "gateway"."published_report" WHERE "cycle_id" = $1 AND "subject_id" = $2 FOR UPDATE`,
        [update.cycleId, update.subjectId],
      );
      if (published && !ReportsService.mayRepublish(published.group_counts, update.groupCounts)) return;
      await manager.query(
        `INSERT INTO "gateway"."published_report" ("cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", "published_at")
         SELECT "cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", now()
         FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = 'live'
         ON CONFLICT ("cycle_id", "subject_id") DO UPDATE SET "report_version" = EXCLUDED."report_version",
           "group_counts" = EXCLUDED."group_counts", "report" = EXCLUDED."report", "cells" = EXCLUDED."cells",
           "overall_fit" = EXCLUDED."overall_fit", "published_at" = now()`,
        [update.cycleId, update.subjectId],
      );
    });
    this.notifier.reportChanged(update.cycleId, update.subjectId);
  }

  /** A new publication is allowed only if every group whose count changed gained at least two responses. */
  static mayRepublish(before: Record<string, number>, after: Record<string, number>): boolean {
    const groups = new Set([...Object.keys(before), ...Object.keys(after)]);
    let changed = false;
    for (const g of groups) {
      const delta = (after[g] ?? 0) - (before[g] ?? 0);
      if (delta === 0) continue;
      if (delta < 2) return false;
      changed = true;
    }
    return changed;
  }

  /**
   * Releases results: each subject's current report becomes what the subject and their manager
   * see. A cycle may be released while it still collects answers; later answers reach the
   * publication only under the two-new-responses rule. A closed cycle becomes `released`.
   */
  async release(viewer: Viewer, cycleId: string): Promise<void> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    if (cycle.releasedAt) throw new ConflictError('The results of this cycle were released already');
    if (cycle.status !== 'closed' && cycle.status !== 'launched') throw new ConflictError(`Cannot release results: the cycle is ${cycle.status}`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "gateway"."published_report" ("cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", "published_at")
         SELECT "cycle_id", "subject_id", "organisation_id", "report_version", "group_counts", "report", "cells", "overall_fit", now()
         FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'
         ON CONFLICT ("cycle_id", "subject_id") DO NOTHING`,
        [cycle.id],
      );
      await manager.getRepository(CycleEntity).update({ id: cycle.id }, { status: cycle.status === 'closed' ? 'released' : cycle.status, releasedAt: new Date() });
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'results.released', target: `cycle:${cycle.id}` });
    });
    this.notifier.changed(cycle.id);
  }

  private async load(cycleId: string, subjectId: string, source: 'live' | 'published', resultSet = 'live'): Promise<StoredReport | null> {
    if (source === 'published') {
      const [row] = await this.dataSource.query(
        `SELECT p."cycle_id" AS "cycleId", p."subject_id" AS "subjectId", 'live' AS "resultSet", p."report_version" AS "reportVersion",
                s."response_count" AS "responseCount", s."role_profile_id" AS "roleProfileId", s."instrument_version" AS "instrumentVersion",
                p."group_counts" AS "groupCounts", p."report", p."published_at" AS "scoredAt"
         FROM "gateway"."published_report" p
         LEFT JOIN "gateway"."subject_report" s ON s."cycle_id" = p."cycle_id" AND s."subject_id" = p."subject_id" AND s."result_set" = 'live'
         WHERE p."cycle_id" = $1 AND p."subject_id" = $2`,
        [cycleId, subjectId],
      );
      if (row) row.responseCount = Object.values(row.groupCounts as Record<string, number>).reduce((a, b) => a + b, 0);
      return row ?? null;
    }
    const [row] = await this.dataSource.query(
      `SELECT "cycle_id" AS "cycleId", "subject_id" AS "subjectId", "result_set" AS "resultSet", "report_version" AS "reportVersion",
              "response_count" AS "responseCount", "role_profile_id" AS "roleProfileId", "instrument_version" AS "instrumentVersion",
              "group_counts" AS "groupCounts", "report", "scored_at" AS "scoredAt"
       FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = $3`,
      [cycleId, subjectId, resultSet],
    );
    return row ?? null;
  }

  /** The report the viewer may see: live figures for HR, the publication for the subject and their manager after release. */
  async find(viewer: Viewer, cycleId: string, subjectId: string, resultSet?: string | null): Promise<SubjectReport | null> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const source = await this.access.reportAccess(viewer, cycle, subjectId);
    if (resultSet && resultSet !== 'live' && source !== 'live') throw new ForbiddenError('Only HR can read rescored result sets');
    const stored = await this.load(cycle.id, subjectId, source, resultSet ?? 'live');
    if (!stored) return null;
    return this.toModel(cycle, stored, source);
  }

  async resultSets(viewer: Viewer, cycleId: string): Promise<string[]> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    const rows: { resultSet: string }[] = await this.dataSource.query(
      `SELECT DISTINCT "result_set" AS "resultSet" FROM "gateway"."subject_report" WHERE "cycle_id" = $1 ORDER BY 1`,
      [cycle.id],
    );
    return rows.map((r) => r.resultSet);
  }

  private async toModel(cycle: CycleEntity, stored: StoredReport, source: 'live' | 'published'): Promise<SubjectReport> {
    const instrument = getInstrument(cycle.instrumentId, stored.instrumentVersion ?? cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const name = (id: string) => names.get(id) ?? id;
    const report = stored.report;
    const [subject] = await this.people.byIds(cycle.organisationId, [stored.subjectId]);
    const ranked = (list: { dimensionId: string; others: number; target: number | null; fit: number | null }[]) =>
      list.map((r) => ({ ...r, name: name(r.dimensionId) }));
    const gaps = (list: { dimensionId: string; self: number; others: number; gap: number; ci95: [number, number] }[]) =>
      list.map((g) => ({ dimensionId: g.dimensionId, name: name(g.dimensionId), self: g.self, others: g.others, gap: g.gap, ciLow: g.ci95[0], ciHigh: g.ci95[1] }));
    const risks = new Map(instrument.transitionRisks.map((r) => [r.id, r]));
    return {
      cycleId: stored.cycleId,
      subject,
      resultSet: stored.resultSet,
      visibility: source,
      reportVersion: stored.reportVersion,
      responseCount: stored.responseCount,
      scoredAt: new Date(stored.scoredAt),
      roleProfileId: stored.roleProfileId,
      overall: report.overall,
      dimensions: report.scores.dimensions.map((d: DimensionScores) => ({
        dimensionId: d.dimensionId,
        name: name(d.dimensionId),
        others: groupScore(null, d.others),
        groups: Object.entries(d.groups).map(([g, s]) => groupScore(g as ScoringGroup, s!)),
        gap: d.gap,
        target: d.expectation?.target ?? null,
        fit: d.expectation?.fit ?? null,
      })),
      strengths: ranked(report.strengths.byMean),
      strengthsByFit: ranked(report.strengths.byFit),
      developmentAreas: ranked(report.developmentAreas.byMean),
      developmentAreasByFit: ranked(report.developmentAreas.byFit),
      blindSpots: gaps(report.blindSpots),
      hiddenStrengths: gaps(report.hiddenStrengths),
      lowAgreement: report.lowAgreement.map((a) => ({ ...a, name: name(a.dimensionId), scope: String(a.scope) })),
      transitionRisks: report.transitionRisks.map((r) => ({
        id: r.id,
        name: r.name,
        description: risks.get(r.id)?.description ?? '',
        status: r.status,
        signalsOn: r.signalsOn,
        signalsEvaluated: r.signalsEvaluated,
        minSignals: r.minSignals,
      })),
      readiness: report.readiness.map((r) => ({ profileId: r.profileId, name: r.name, status: r.status, share: r.share, meanFit: r.meanFit, assessed: r.assessed, meets: r.meets })),
      comments: report.comments.map((c) => ({ dimensionId: c.dimensionId, group: c.group as RaterGroup, text: c.text })),
    };
  }

  private async heatmapOf(cycle: CycleEntity, subjectIds: string[] | null, source: 'live' | 'published'): Promise<Heatmap> {
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    // Only the cells stored beside each report are read, never the whole reports.
    const table = source === 'live' ? `"gateway"."subject_report"` : `"gateway"."published_report"`;
    const rows: { subjectId: string; responseCount: number; overallFit: number | null; cells: { dimensionId: string; mean: number | null; fit: number | null; suppressed: boolean }[] }[] =
      await this.dataSource.query(
        `SELECT r."subject_id" AS "subjectId",
                (SELECT coalesce(sum(v::int), 0) FROM jsonb_each_text(r."group_counts") AS g(k, v))::int AS "responseCount",
                r."overall_fit" AS "overallFit", r."cells"
         FROM ${table} r
         WHERE r."cycle_id" = $1 ${source === 'live' ? `AND r."result_set" = 'live'` : ''} ${subjectIds ? `AND r."subject_id" = ANY($2)` : ''}`,
        subjectIds ? [cycle.id, subjectIds] : [cycle.id],
      );
    const people = new Map((await this.people.byIds(cycle.organisationId, rows.map((r) => r.subjectId))).map((p) => [p.id, p]));
    return {
      cycleId: cycle.id,
      dimensions: instrument.dimensions.map((d) => ({ id: d.id, name: d.name })),
      rows: rows
        .filter((r) => people.has(r.subjectId))
        .map((r) => ({ subject: people.get(r.subjectId)!, responseCount: r.responseCount, overallFit: r.overallFit, cells: r.cells }))
        .sort((a, b) => a.subject.name.localeCompare(b.subject.name)),
    };
  }

  async cycleHeatmap(viewer: Viewer, cycleId: string): Promise<Heatmap> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    return this.heatmapOf(cycle, null, 'live');
  }

  /** A manager's view: the leaders reporting to them who were reviewed, after release. */
  async teamReport(viewer: Viewer, cycleId: string): Promise<Heatmap> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!viewer.personId) throw new ForbiddenError('Only managers have a team report');
    if (!cycle.releasedAt) throw new ConflictError('Team reports are available once HR releases the results');
    const team: { id: string }[] = await this.dataSource.query(
      `SELECT p."id" FROM "gateway"."person" p JOIN "gateway"."cycle_subject" s ON s."person_id" = p."id" AND s."cycle_id" = $1 WHERE p."manager_id" = $2`,
      [cycle.id, viewer.personId],
    );
    if (team.length === 0) throw new ForbiddenError('None of your direct reports was reviewed in this cycle');
    return this.heatmapOf(cycle, team.map((t) => t.id), 'published');
  }

  /** The cycle's published figures as CSV (HR): one row per subject, dimension and group; suppressed groups have no mean. */
  async exportCsv(viewer: Viewer, cycleId: string): Promise<string> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const rows: { subjectId: string; report: ScoredReport }[] = await this.dataSource.query(
      `SELECT "subject_id" AS "subjectId", "report" FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'`,
      [cycle.id],
    );
    if (rows.length === 0) throw new NotFoundError('Results for this cycle');
    const people = new Map((await this.people.byIds(cycle.organisationId, rows.map((r) => r.subjectId))).map((p) => [p.id, p]));
    const lines = [['employee_id', 'name', 'dimension_id', 'dimension', 'group', 'n', 'mean', 'ci_low', 'ci_high', 'suppressed', 'fit_to_target']];
    const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(3));
    for (const r of rows) {
      const person = people.get(r.subjectId);
      for (const d of r.report.scores.dimensions) {
        const entries: [string, Published | Suppressed | (Published & { includes: ScoringGroup[] })][] = [['others', d.others], ...(Object.entries(d.groups) as [string, Published | Suppressed][])];
        for (const [group, score] of entries) {
          const published = !('suppressed' in score);
          lines.push([
            person?.employeeId ?? r.subjectId,
            person?.name ?? '',
            d.dimensionId,
            names.get(d.dimensionId) ?? d.dimensionId,
            group,
            String(score.n),
            published ? fmt((score as Published).mean) : '',
            published ? fmt((score as Published).ci95?.[0]) : '',
            published ? fmt((score as Published).ci95?.[1]) : '',
            published ? 'false' : 'true',
            group === 'others' && published ? fmt(d.expectation?.fit) : '',
          ]);
        }
      }
    }
    return lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
  }
}

/** The heatmap's cells of one report: others' mean and fit to target per dimension (none for a suppressed figure). */
export function heatmapCells(report: ScoredReport): { dimensionId: string; suppressed: boolean; mean: number | null; fit: number | null }[] {
  return (report.scores?.dimensions ?? []).map((d) => ({
    dimensionId: d.dimensionId,
    suppressed: 'suppressed' in d.others,
    mean: 'suppressed' in d.others ? null : d.others.mean,
    fit: d.expectation?.fit ?? null,
  }));
}

function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value; // no formula injection in spreadsheets
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
