import type { RankedItem as RankedItemResult } from '@leaderscope/scoring';
import type { PublishedFigure, RaterGroup, ScoredDimension, ScoredItemResults, SuppressedFigure } from '@leaderscope/vocabulary';
import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { CycleEntity } from '../cycles/cycle.entity';
import { PeopleRepository } from '../people/people.repository';
import { GroupScore, SubjectReport } from './dto/report.model';
import { StoredReport } from './reports.repository';

export function groupScore(
  group: RaterGroup | null,
  score: PublishedFigure | SuppressedFigure | (PublishedFigure & { includes: RaterGroup[] }),
): GroupScore {
  if ('suppressed' in score) {
    return {
      group,
      n: score.n,
      suppressed: true,
      suppressionReason: score.reason,
      mean: null,
      sd: null,
      ciLow: null,
      ciHigh: null,
      rwg: null,
      includes: [],
    };
  }
  return {
    group,
    n: score.n,
    suppressed: false,
    suppressionReason: null,
    mean: score.mean,
    sd: score.sd,
    ciLow: score.ci95?.[0] ?? null,
    ciHigh: score.ci95?.[1] ?? null,
    rwg: score.rwg,
    includes: 'includes' in score ? score.includes : [],
  };
}

/** A stored report as GraphQL shows it: dimension names from the instrument, the subject from the directory. */
@Injectable()
export class ReportView {
  constructor(private readonly people: PeopleRepository) {}

  async of(cycle: CycleEntity, stored: StoredReport, source: 'live' | 'published'): Promise<SubjectReport> {
    const instrument = getInstrument(cycle.instrumentId, stored.instrumentVersion ?? cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const name = (id: string) => names.get(id) ?? id;
    const report = stored.report;
    const [subject] = await this.people.byIds(cycle.organisationId, [stored.subjectId]);
    const ranked = (list: { dimensionId: string; others: number; target: number | null; fit: number | null }[]) =>
      list.map((r) => ({ ...r, name: name(r.dimensionId) }));
    const gaps = (list: { dimensionId: string; self: number; others: number; gap: number; ci95: [number, number] }[]) =>
      list.map((g) => ({
        dimensionId: g.dimensionId,
        name: name(g.dimensionId),
        self: g.self,
        others: g.others,
        gap: g.gap,
        ciLow: g.ci95[0],
        ciHigh: g.ci95[1],
      }));
    const risks = new Map(instrument.transitionRisks.map((r) => [r.id, r]));
    const texts = new Map(instrument.items.map((i) => [i.id, i.text]));
    // Reports scored before item-level results existed have none.
    const items: ScoredItemResults = report.items ?? { items: [], highest: [], lowest: [] };
    const rankedItems = (list: RankedItemResult[]) =>
      list.map((r) => ({
        itemId: r.itemId,
        text: texts.get(r.itemId) ?? r.itemId,
        dimensionId: r.dimensionId,
        others: r.others,
        n: r.n,
        ciLow: r.ci95?.[0] ?? null,
        ciHigh: r.ci95?.[1] ?? null,
      }));
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
      dimensions: report.scores.dimensions.map((d: ScoredDimension) => ({
        dimensionId: d.dimensionId,
        name: name(d.dimensionId),
        others: groupScore(null, d.others),
        groups: Object.entries(d.groups).map(([g, s]) => groupScore(g as RaterGroup, s)),
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
      readiness: report.readiness.map((r) => ({
        profileId: r.profileId,
        name: r.name,
        status: r.status,
        share: r.share,
        meanFit: r.meanFit,
        assessed: r.assessed,
        meets: r.meets,
      })),
      comments: report.comments.map((c) => ({ dimensionId: c.dimensionId, group: c.group, text: c.text })),
      items: items.items.map((i) => ({
        itemId: i.itemId,
        text: texts.get(i.itemId) ?? i.itemId,
        dimensionId: i.dimensionId,
        others: groupScore(null, i.others),
        groups: Object.entries(i.groups).map(([g, s]) => groupScore(g as RaterGroup, s)),
        gap: i.gap,
      })),
      highestItems: rankedItems(items.highest),
      lowestItems: rankedItems(items.lowest),
    };
  }
}
