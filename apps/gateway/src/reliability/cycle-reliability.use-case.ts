import { getInstrument } from '@leaderscope/framework';
import { DEFAULT_RELIABILITY_TARGET, OrganisationIcc, projectReliability, RaterGroup } from '@leaderscope/scoring';
import { LIVE_RESULT_SET } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { PeopleRepository } from '../people/people.repository';
import { CycleResultsRepository } from './cycle-results.repository';
import { CycleReliability } from './dto/reliability.model';

/**
 * HR: a cycle's reliability. Measured: alpha per dimension and ICC(1)/ICC(1,k) per rater group from
 * the scoring service's `cycle.scored` (null until the cycle is scored). Projected, also before
 * launch: per subject and group, Spearman–Brown from the number invited (nominations before launch,
 * assignments after) with @leaderscope/scoring's projectReliability — the organisation's own ICC(1)
 * from the live result of its most recently closed cycle of this instrument version when it covers
 * enough subjects, else published single-rater values — with its warnings. Counts only: no response
 * is read.
 */
@Injectable()
export class CycleReliabilityUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly results: CycleResultsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, resultSet = LIVE_RESULT_SET): Promise<CycleReliability> {
    // A malformed id names nothing: say which field, plainly (nothing about whether anything exists).
    const malformed = [
      ...(isUuid(cycleId) ? [] : [{ field: 'cycleId', message: 'is not a cycle id' }]),
      ...(resultSet === LIVE_RESULT_SET || isUuid(resultSet) ? [] : [{ field: 'resultSet', message: 'must be "live" or a rescore id' }]),
    ];
    if (malformed.length) throw new InputError(malformed);
    const cycle = await this.access.cycle(viewer, cycleId);
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const names = new Map(instrument.dimensions.map((d) => [d.id, d.name]));
    const measured = await this.results.cycleResult(cycle.id, resultSet);
    const r = measured?.result;
    const own = await this.results.latestClosed(cycle.organisationId, cycle.instrumentId, cycle.instrumentVersion);
    const organisationIcc: Partial<Record<RaterGroup, OrganisationIcc>> = {};
    for (const g of own?.result.reliability.groups ?? [])
      organisationIcc[g.group as RaterGroup] = { icc1: g.icc1, subjects: Math.max(0, ...g.dimensions.map((d) => d.subjects)) };
    const invited = await this.results.invited(cycle.id);
    const bySubject = new Map<string, Partial<Record<RaterGroup, number>>>();
    for (const row of invited) bySubject.set(row.subjectId, { ...(bySubject.get(row.subjectId) ?? {}), [row.group]: row.n });
    const people = await this.people.mapByIds(cycle.organisationId, bySubject.keys());
    const projection = [...bySubject]
      .filter(([id]) => people.has(id))
      .sort(([a], [b]) => people.get(a)!.name.localeCompare(people.get(b)!.name))
      .map(([subjectId, counts]) => ({
        subject: people.get(subjectId)!,
        groups: projectReliability({ invited: counts, organisationIcc, minGroupSize: cycle.anonymityThreshold }),
      }));
    return {
      cycleId: cycle.id,
      resultSet,
      scoredAt: measured?.scoredAt ?? null,
      subjectCount: r?.subjectCount ?? null,
      alpha: (r?.reliability.alpha ?? []).map((a) => ({ ...a, name: names.get(a.dimensionId) ?? a.dimensionId })),
      groups: (r?.reliability.groups ?? [])
        .filter((g) => g.group !== 'self')
        .map((g) => ({ group: g.group, icc1: g.icc1, icck: g.icck, subjects: Math.max(0, ...g.dimensions.map((d) => d.subjects)) })),
      norms: (r?.norms.dimensions ?? []).map((d) => ({
        dimensionId: d.dimensionId,
        name: names.get(d.dimensionId) ?? d.dimensionId,
        n: d.n,
        available: d.available,
      })),
      projection,
      target: DEFAULT_RELIABILITY_TARGET,
    };
  }
}
