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
import { CycleReliability, GroupProjection, ProjectionFilter, SubjectProjectionPage } from './dto/reliability.model';

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
      atRiskSubjects: projection.filter((p) => p.atRisk).length,
      target: DEFAULT_RELIABILITY_TARGET,
    };
  }

  /**
   * One page of the projection, by name (then id), optionally only the subjects at risk. A cycle of
   * 10,000 leaders has 10,000 rows (about 50,000 with their groups): a list a screen pages through.
   * Only the page's subjects are read as people and carry their projection.
   */
  async projectionPage(
    viewer: Viewer,
    cycleId: string,
    args: { first?: number | null; after?: string | null; filter?: ProjectionFilter | null },
  ): Promise<SubjectProjectionPage> {
    const request = pageRequest(args.first ?? 100, args.after, 'name', SortDirection.ASC);
    if (!isUuid(cycleId)) throw new InputError([{ field: 'cycleId', message: 'is not a cycle id' }]);
    const cycle = await this.access.cycle(viewer, cycleId);
    const all = (await this.projection(cycle)).sort(byName);
    const matching = args.filter?.atRiskOnly ? all.filter((p) => p.atRisk) : all;
    const after = request.after;
    const start = after ? matching.findIndex((p) => byName(p, { name: String(after.key), subjectId: after.id }) > 0) : 0;
    const rows = start < 0 ? [] : matching.slice(start, start + request.first! + 1);
    const page = toPage(rows, request, (p) => ({ key: p.name, id: p.subjectId }));
    const people = await this.people.mapByIds(
      cycle.organisationId,
      page.nodes.map((p) => p.subjectId),
    );
    return {
      cycleId: cycle.id,
      nodes: page.nodes.filter((p) => people.has(p.subjectId)).map((p) => ({ subject: people.get(p.subjectId)!, groups: p.groups })),
      pageInfo: page.pageInfo,
      totalCount: matching.length,
    };
  }

  /**
   * Per subject and group: Spearman–Brown from the number invited, with its warnings (counts only:
   * a row per subject from PostgreSQL, every subject's projection a few small objects).
   */
  private async projection(cycle: CycleEntity): Promise<ProjectedSubject[]> {
    const own = await this.results.latestClosed(cycle.organisationId, cycle.instrumentId, cycle.instrumentVersion);
    const organisationIcc: Partial<Record<RaterGroup, OrganisationIcc>> = {};
    for (const g of own?.result.reliability.groups ?? [])
      organisationIcc[g.group as RaterGroup] = { icc1: g.icc1, subjects: Math.max(0, ...g.dimensions.map((d) => d.subjects)) };
    return (await this.results.invitedBySubject(cycle.id, cycle.organisationId)).map(({ subjectId, name, invited }) => {
      const groups = projectReliability({ invited, organisationIcc, minGroupSize: cycle.anonymityThreshold });
      // At risk: a rater group at or below the anonymity threshold, so its figures may be withheld.
      return { subjectId, name, groups, atRisk: groups.some((g) => g.warnings.some((w) => w.code !== 'below-target')) };
    });
  }
}

/** A subject's projection before the page reads them as a person. */
interface ProjectedSubject {
  subjectId: string;
  name: string;
  groups: GroupProjection[];
  atRisk: boolean;
}

/** The projection's order: by name, then id (a page's cursor holds both). */
function byName(p: { name: string; subjectId: string }, other: { name: string; subjectId: string }): number {
  return p.name.localeCompare(other.name) || (p.subjectId < other.subjectId ? -1 : p.subjectId > other.subjectId ? 1 : 0);
}
