import { Injectable } from '@nestjs/common';
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { PeopleRepository } from '../people/people.repository';
import { CycleEntity } from './cycle.entity';
import { CyclesRepository } from './cycles.repository';
import { Cycle, CycleStatusValue } from './dto/cycle.model';

/** A cycle as GraphQL shows it, with its subjects. */
@Injectable()
export class CycleView {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly people: PeopleRepository,
  ) {}

  async of(cycle: CycleEntity): Promise<Cycle> {
    const subjects = await this.cycles.subjectIds(cycle.id);
    return {
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
      closedAt: cycle.closedAt,
      releasedAt: cycle.releasedAt,
      subjects: await this.people.byIds(cycle.organisationId, subjects),
    };
  }
}
