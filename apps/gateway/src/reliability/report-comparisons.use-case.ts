import type { ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { byGroupOrder, isRaterGroup } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ReportsRepository } from '../reports/reports.repository';
import { CycleResultsRepository } from './cycle-results.repository';
import { GroupMix, ReportComparisons } from './dto/reliability.model';

type StoredMix = NonNullable<ReportComparisonsUpdatedV1['trend']>['dimensions'][number]['comparability']['groupMix']['current'];

/** A cycle's group mix with its groups in the usual order (self, manager, peers, …). */
function groupMix(mix: StoredMix): GroupMix | null {
  if (!mix) return null;
  const published = Object.keys(mix.published)
    .filter(isRaterGroup)
    .sort(byGroupOrder)
    .map((group) => ({ group, count: mix.published[group] }));
  return { published, merged: mix.merged };
}

/**
 * A report's comparisons (percentiles, like-for-like trend), with the report's own access rule. They
 * are computed from the live figures, so a published report shows them only while the publication
 * equals the live report (otherwise they would reveal responses the publication holds back).
 */
@Injectable()
export class ReportComparisonsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly results: CycleResultsRepository,
  ) {}

  async execute(
    viewer: Viewer,
    cycleId: string,
    subjectId: string,
    resultSet: string,
    visibility: string,
    reportVersion: number,
  ): Promise<ReportComparisons | null> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const source = await this.access.report(viewer, cycle, subjectId, resultSet === 'live' ? undefined : resultSet);
    if (source !== visibility) return null;
    if (source === 'published') {
      const live = await this.reports.live(cycle.id, subjectId);
      if (!live || live.reportVersion !== reportVersion) return null;
    }
    const stored = await this.results.comparison(cycle.id, subjectId, resultSet);
    if (!stored) return null;
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const name = (id: string) => names.get(id) ?? id;
    const { norms, trend } = stored.comparisons;
    return {
      norms: norms.map((n) => ({
        dimensionId: n.dimensionId,
        name: name(n.dimensionId),
        cycle: n.cycle,
        organisation: {
          percentile: n.organisation.percentile,
          normSize: n.organisation.normSize,
          available: n.organisation.available,
          reason: n.organisation.reason,
        },
        organisationCycles: n.organisation.cycles,
      })),
      trend: trend && {
        previousCycleId: trend.previousCycleId,
        previousInstrumentVersion: trend.previousInstrumentVersion,
        instrumentVersion: trend.instrumentVersion,
        ratersInCommon: trend.ratersInCommon?.shareOfCurrent ?? null,
        dimensions: trend.dimensions.map((d) => ({
          dimensionId: d.dimensionId,
          name: name(d.dimensionId),
          previous: d.previous?.mean ?? null,
          current: d.current?.mean ?? null,
          change: d.change,
          ciLow: d.ci95?.[0] ?? null,
          ciHigh: d.ci95?.[1] ?? null,
          call: d.call,
          itemsInCommon: d.comparability.itemsInCommon?.share ?? null,
          previousRaters: d.previous?.n ?? null,
          currentRaters: d.current?.n ?? null,
          previousGroupMix: groupMix(d.comparability.groupMix.previous),
          currentGroupMix: groupMix(d.comparability.groupMix.current),
        })),
      },
    };
  }
}
