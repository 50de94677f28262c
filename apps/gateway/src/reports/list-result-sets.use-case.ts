import { getInstrument } from '@leaderscope/framework';
import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ResultSet } from './dto/result-set.model';
import { ReportsRepository } from './reports.repository';

/** HR: the cycle's result sets: 'live' first, then one per rescore. */
@Injectable()
export class ListResultSetsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<string[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const sets = await this.reports.resultSets(cycle.id);
    return [...sets.filter((s) => s === LIVE_RESULT_SET), ...sets.filter((s) => s !== LIVE_RESULT_SET)];
  }

  /** The same, each with what it was scored under, so a rescore is named by what changed. */
  async details(viewer: Viewer, cycleId: string): Promise<ResultSet[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const rows = await this.reports.resultSetDetails(cycle.id);
    return rows
      .map((r) => {
        let roleProfileName: string | null;
        try {
          roleProfileName =
            getInstrument(cycle.instrumentId, r.instrumentVersion).roleProfiles.find((p) => p.id === r.roleProfileId)?.name ?? null;
        } catch {
          roleProfileName = null; // a version this build no longer knows: the id still names it
        }
        return {
          id: r.resultSet,
          live: r.resultSet === LIVE_RESULT_SET,
          instrumentVersion: r.instrumentVersion,
          roleProfileId: r.roleProfileId,
          roleProfileName,
          scoredAt: r.scoredAt,
        };
      })
      .sort((a, b) => Number(b.live) - Number(a.live));
  }
}
