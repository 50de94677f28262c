import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { byGroupOrder, RaterGroup } from '@leaderscope/vocabulary';
import { DataSource } from 'typeorm';
import { PageRequest, toPage } from '../common/paging';
import { Person } from '../people/dto/person.model';
import { PeopleRepository } from '../people/people.repository';
import { Nomination, NominationPage, NominationSortKey, NominationSourceValue, NominationStatusValue } from './dto/nomination.model';
import { NominationEntity } from './nomination.entity';
import { NominationPageFilter, NominationsRepository } from './nominations.repository';

/** The same order as `String.prototype.localeCompare`, without making a collator per comparison. */
const collator = new Intl.Collator();

/**
 * Nominations as GraphQL shows them: by subject, in group order, then by rater name. Each rater and
 * subject is read as a directory person (`rater`, `subject`, with reports counted) only when the
 * query asks for it, for all the nominations of one answer at once: proposing raters for a cycle of
 * 10,000 subjects answers 150,000 nominations, which a client asking for their ids need not pay for.
 */
@Injectable()
export class NominationView {
  /** The people of each answer, read once if the query asks for them. */
  private readonly lazy = new WeakMap<Nomination, { raterId: string; load: () => Promise<Map<string, Person>> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nominations: NominationsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async of(organisationId: string, cycleId: string, subjectId: string | null): Promise<Nomination[]> {
    const rows: { id: string; subjectId: string; raterId: string; group: RaterGroup; source: string; status: string; name: string }[] =
      await this.dataSource.query(
        `SELECT n.id, n.subject_id AS "subjectId", n.rater_id AS "raterId", n.rater_group AS "group", n.source, n.status, p.name
         FROM "gateway"."nomination" n JOIN "gateway"."person" p ON p.id = n.rater_id
         WHERE n.cycle_id = $1 AND ($2::uuid IS NULL OR n.subject_id = $2::uuid)`,
        [cycleId, subjectId],
      );
    rows.sort((a, b) => collator.compare(a.subjectId, b.subjectId) || byGroupOrder(a.group, b.group) || collator.compare(a.name, b.name));
    let loading: Promise<Map<string, Person>> | null = null;
    const load = () => (loading ??= this.people.mapByIds(organisationId, [...new Set(rows.flatMap((r) => [r.raterId, r.subjectId]))]));
    return rows.map((r) => {
      const nomination = {
        id: r.id,
        subjectId: r.subjectId,
        group: r.group,
        source: r.source as NominationSourceValue,
        status: r.status as NominationStatusValue,
      } as Nomination;
      this.lazy.set(nomination, { raterId: r.raterId, load });
      return nomination;
    });
  }

  /** A nomination's rater, with every other rater of the same answer (one query for them all). */
  async raterOf(nomination: Nomination): Promise<Person> {
    if (nomination.rater) return nomination.rater;
    const lazy = this.lazy.get(nomination);
    if (!lazy) throw new Error(`nomination ${nomination.id}: its rater was not kept`);
    return (await lazy.load()).get(lazy.raterId)!;
  }

  /** A nomination's subject, read like its rater. */
  async subjectOf(nomination: Nomination): Promise<Person> {
    if (nomination.subject) return nomination.subject;
    const lazy = this.lazy.get(nomination);
    if (!lazy) throw new Error(`nomination ${nomination.id}: its subject was not kept`);
    return (await lazy.load()).get(nomination.subjectId)!;
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
