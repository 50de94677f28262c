import type { DimensionScores, Published, RaterGroup as ScoringGroup, Suppressed } from '@leaderscope/scoring';
import { ReportUpdatedV1 } from '@leaderscope/events';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RaterGroup } from '../surveys/dto/submit-survey.input';
import { DimensionScore, GroupScore, SubjectReport } from './dto/subject-report.model';
import { SubjectReportEntity } from './subject-report.entity';

function toGroupScore(group: ScoringGroup | null, score: Published | Suppressed | (Published & { includes: ScoringGroup[] })): GroupScore {
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

/** Reads reports from the gateway's read model. The numbers come from the scoring service as they are. */
@Injectable()
export class ReportsService {
  constructor(@InjectRepository(SubjectReportEntity) private readonly reports: Repository<SubjectReportEntity>) {}

  /** Stores a newer report; an older or repeated version (redelivery, reordering) changes nothing. */
  async apply(organisationId: string, update: ReportUpdatedV1): Promise<void> {
    await this.reports.query(
      `INSERT INTO "gateway"."subject_report" ("cycle_id", "subject_id", "organisation_id", "report_version", "response_count", "report", "scored_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("cycle_id", "subject_id") DO UPDATE SET
         "report_version" = EXCLUDED."report_version", "response_count" = EXCLUDED."response_count",
         "report" = EXCLUDED."report", "scored_at" = EXCLUDED."scored_at"
       WHERE "subject_report"."report_version" < EXCLUDED."report_version"`,
      [update.cycleId, update.subjectId, organisationId, update.reportVersion, update.responseCount, JSON.stringify(update.report), update.scoredAt],
    );
  }

  async find(cycleId: string, subjectId: string): Promise<SubjectReport | null> {
    const row = await this.reports.findOneBy({ cycleId, subjectId });
    if (!row) return null;
    const scores = (row.report as { scores?: { dimensions: DimensionScores[] } }).scores;
    const dimensions: DimensionScore[] = (scores?.dimensions ?? []).map((d) => ({
      dimensionId: d.dimensionId,
      others: toGroupScore(null, d.others),
      groups: Object.entries(d.groups).map(([group, score]) => toGroupScore(group as ScoringGroup, score!)),
      gap: d.gap,
      target: d.expectation?.target ?? null,
      fit: d.expectation?.fit ?? null,
    }));
    return {
      cycleId: row.cycleId,
      subjectId: row.subjectId,
      reportVersion: row.reportVersion,
      responseCount: row.responseCount,
      scoredAt: row.scoredAt,
      dimensions,
    };
  }
}
