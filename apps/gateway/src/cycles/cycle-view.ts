import { Injectable } from '@nestjs/common';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { PeopleRepository } from '../people/people.repository';
import { CycleEntity } from './cycle.entity';
import { CyclesRepository } from './cycles.repository';
import { Cycle, CycleStatusValue } from './dto/cycle.model';

/**
 * A cycle as GraphQL shows it, with its subjects. With `subjects: false` the subjects are left
 * out and read only if the query asks for them (`CyclesResolver.subjects`): a mutation answering
 * a cycle of 10,000 subjects need not read them all for a client that asks for its id.
 */
@Injectable()
export class CycleView {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** The organisation of each cycle answered without its subjects, to read them if asked. */
  private readonly left = new WeakMap<Cycle, string>();

  async of(cycle: CycleEntity, options: { subjects: boolean } = { subjects: true }): Promise<Cycle> {
    const view: Cycle = {
      id: cycle.id,
      name: cycle.name,
      instrumentId: cycle.instrumentId,
      instrumentVersion: cycle.instrumentVersion,
      roleProfileId: cycle.roleProfileId,
      anonymityThreshold: cycle.anonymityThreshold,
      commentThreshold: cycle.commentThreshold ?? cycle.anonymityThreshold,
      minRaters: RATER_GROUPS.filter((g) => cycle.minRaters[g] !== undefined).map((g) => ({ group: g, count: cycle.minRaters[g]! })),
      maxRatersPerGroup: cycle.maxRatersPerGroup,
      reminderDaysBeforeClose: cycle.reminderDaysBeforeClose,
      opensAt: cycle.opensAt,
      closesAt: cycle.closesAt,
      status: cycle.status as CycleStatusValue,
      launchedAt: cycle.launchedAt,
      launchProgress:
        cycle.launchSubjectsTotal === null
          ? null
          : { subjectsLaunched: cycle.launchSubjectsDone, subjectsTotal: cycle.launchSubjectsTotal },
      closedAt: cycle.closedAt,
      releasedAt: cycle.releasedAt,
      subjects: options.subjects ? await this.subjects(cycle.organisationId, cycle.id) : (undefined as unknown as Cycle['subjects']),
    };
    if (!options.subjects) this.left.set(view, cycle.organisationId);
    return view;
  }

  /** The people reviewed in the cycle. */
  async subjects(organisationId: string, cycleId: string): Promise<Cycle['subjects']> {
    return this.people.byIds(organisationId, await this.cycles.subjectIds(cycleId));
  }

  /** A cycle's subjects: those it was answered with, or read now if they were left out. */
  async subjectsOf(view: Cycle): Promise<Cycle['subjects']> {
    if (view.subjects) return view.subjects;
    const organisationId = this.left.get(view) ?? (await this.cycles.organisationOf(view.id));
    return organisationId ? this.subjects(organisationId, view.id) : [];
  }
}
