import { Injectable } from '@nestjs/common';
import { byGroupOrder } from '@leaderscope/vocabulary';
import { PeopleRepository } from '../people/people.repository';
import { Nomination, NominationSourceValue, NominationStatusValue } from './dto/nomination.model';
import { NominationsRepository } from './nominations.repository';

/** Nominations as GraphQL shows them: by subject, in group order, then by rater name. */
@Injectable()
export class NominationView {
  constructor(
    private readonly nominations: NominationsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async of(organisationId: string, cycleId: string, subjectId: string | null): Promise<Nomination[]> {
    const rows = await this.nominations.of(cycleId, subjectId);
    const raters = await this.people.mapByIds(
      organisationId,
      rows.map((r) => r.raterId),
    );
    return rows
      .map((r) => ({
        id: r.id,
        subjectId: r.subjectId,
        rater: raters.get(r.raterId)!,
        group: r.raterGroup,
        source: r.source as NominationSourceValue,
        status: r.status as NominationStatusValue,
      }))
      .sort((a, b) => a.subjectId.localeCompare(b.subjectId) || byGroupOrder(a.group, b.group) || a.rater.name.localeCompare(b.rater.name));
  }
}
