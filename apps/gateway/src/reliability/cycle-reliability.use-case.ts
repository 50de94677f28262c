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
import { CycleEntity } from '../cycles/cycle.entity';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { CycleReliability, ProjectionFilter, SubjectProjection, SubjectProjectionPage } from './dto/reliability.model';

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
    const projection = await this.projection(cycle);
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
      projectedSubjects: projection.length,
      atRiskSubjects: projection.filter(atRisk).length,
      target: DEFAULT_RELIABILITY_TARGET,
    };
  }

  /**
   * One page of the projection, by name (then id), optionally only the subjects at risk. A cycle of
   * 10,000 leaders has 10,000 rows (about 50,000 with their groups): a list a screen pages through.
   */
  async projectionPage(
    viewer: Viewer,
    cycleId: string,
    args: { first?: number | null; after?: string | null; filter?: ProjectionFilter | null },
  ): Promise<SubjectProjectionPage> {
    const request = pageRequest(args.first ?? 100, args.after, 'name', SortDirection.ASC);
    if (!isUuid(cycleId)) throw new InputError([{ field: 'cycleId', message: 'is not a cycle id' }]);
    const cycle = await this.access.cycle(viewer, cycleId);
    const all = await this.projection(cycle);
    const matching = args.filter?.atRiskOnly ? all.filter(atRisk) : all;
    const after = request.after;
    const start = after ? matching.findIndex((p) => byName(p, { name: String(after.key), id: after.id }) > 0) : 0;
    const rows = start < 0 ? [] : matching.slice(start, start + request.first! + 1);
    const page = toPage(rows, request, (p) => ({ key: p.subject.name, id: p.subject.id }));
    return { cycleId: cycle.id, nodes: page.nodes, pageInfo: page.pageInfo, totalCount: matching.length };
  }

  /**
   * Per subject and group: Spearman–Brown from the number invited, with its warnings, sorted by name
   * then id. Counts only; every subject's row is a few small objects, so the whole cycle's is made.
   */
  private async projection(cycle: CycleEntity): Promise<SubjectProjection[]> {
    const own = await this.results.latestClosed(cycle.organisationId, cycle.instrumentId, cycle.instrumentVersion);
    const organisationIcc: Partial<Record<RaterGroup, OrganisationIcc>> = {};
    for (const g of own?.result.reliability.groups ?? [])
      organisationIcc[g.group as RaterGroup] = { icc1: g.icc1, subjects: Math.max(0, ...g.dimensions.map((d) => d.subjects)) };
    const invited = await this.results.invited(cycle.id);
    const bySubject = new Map<string, Partial<Record<RaterGroup, number>>>();
    for (const row of invited) bySubject.set(row.subjectId, { ...(bySubject.get(row.subjectId) ?? {}), [row.group]: row.n });
    const people = await this.people.mapByIds(cycle.organisationId, bySubject.keys());
    return [...bySubject]
      .filter(([id]) => people.has(id))
      .map(([subjectId, counts]) => ({
        subject: people.get(subjectId)!,
        groups: projectReliability({ invited: counts, organisationIcc, minGroupSize: cycle.anonymityThreshold }),
      }))
      .sort((a, b) => byName(a, b.subject));
  }
}

/** A subject with a rater group at or below the anonymity threshold: its figures may be withheld. */
function atRisk(p: SubjectProjection): boolean {
  return p.groups.some((g) => g.warnings.some((w) => w.code !== 'below-target'));
}

/** The projection's order: by name, then id (a page's cursor holds both). */
function byName(p: SubjectProjection, other: { name: string; id: string }): number {
  return p.subject.name.localeCompare(other.name) || (p.subject.id < other.id ? -1 : p.subject.id > other.id ? 1 : 0);
}
