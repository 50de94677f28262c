import { Injectable } from '@nestjs/common';
import { byGroupOrder } from '@leaderscope/vocabulary';
import { PageRequest, toPage } from '../common/paging';
import { PeopleRepository } from '../people/people.repository';
import { Nomination, NominationPage, NominationSortKey, NominationSourceValue, NominationStatusValue } from './dto/nomination.model';
import { NominationEntity } from './nomination.entity';
import { NominationPageFilter, NominationsRepository } from './nominations.repository';

/** Nominations as GraphQL shows them: by subject, in group order, then by rater name. */
@Injectable()
export class NominationView {
  constructor(
    private readonly nominations: NominationsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async of(organisationId: string, cycleId: string, subjectId: string | null): Promise<Nomination[]> {
    const rows = await this.nominations.of(cycleId, subjectId);
    return (await this.describe(organisationId, rows)).sort(
      (a, b) => a.subjectId.localeCompare(b.subjectId) || byGroupOrder(a.group, b.group) || a.rater.name.localeCompare(b.rater.name),
    );
  }

  /** One page, filtered and sorted in PostgreSQL; only the page's people are read. */
  async page(
    organisationId: string,
    cycleId: string,
    filter: NominationPageFilter,
    request: PageRequest<NominationSortKey>,
  ): Promise<NominationPage> {
    const { rows, total } = await this.nominations.page(organisationId, cycleId, filter, request);
    const { nodes, pageInfo } = toPage(rows, request, (r) => ({ key: r.sortKey, id: r.id }));
    return { nodes: await this.describe(organisationId, nodes), totalCount: total, pageInfo };
  }

  private async describe(organisationId: string, rows: NominationEntity[]): Promise<Nomination[]> {
    const people = await this.people.mapByIds(
      organisationId,
      rows.flatMap((r) => [r.raterId, r.subjectId]),
    );
    return rows
      .filter((r) => people.has(r.raterId) && people.has(r.subjectId))
      .map((r) => ({
        id: r.id,
        subjectId: r.subjectId,
        subject: people.get(r.subjectId)!,
        rater: people.get(r.raterId)!,
        group: r.raterGroup,
        source: r.source as NominationSourceValue,
        status: r.status as NominationStatusValue,
      }));
  }
}
