import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { CyclesRepository } from '../cycles/cycles.repository';
import { PeopleRepository } from '../people/people.repository';
import { Nomination } from './dto/nomination.model';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';
import { proposeRaters } from './rater-proposal';

/** HR: propose raters from reporting lines for one subject or all. Existing nominations stay as they are. */
@Injectable()
export class ProposeRatersUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly people: PeopleRepository,
    private readonly nominations: NominationsRepository,
    private readonly view: NominationView,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId?: string | null): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft'], 'propose raters');
    const subjects = await this.cycles.subjectIds(cycle.id);
    const targets = subjectId ? subjects.filter((s) => s === subjectId) : subjects;
    if (subjectId && targets.length === 0) throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    // Only the reporting lines the proposal reads (not the whole directory).
    const people = await this.people.neighbourhood(viewer.organisationId, targets);
    const proposals = proposeRaters(cycle.id, targets, people, cycle.maxRatersPerGroup);
    // One transaction, under the cycle's row lock: all proposals or none, never into a cycle that
    // was launched meanwhile, and audited with them.
    await this.outbox.transact(async ({ manager }) => {
      const locked = (await this.cycles.lock(manager, cycle.id))!;
      requireStatus(locked, ['draft'], 'propose raters');
      // A leader's coach (coached cycle) is never proposed as their rater: they read the report.
      const coaches = await this.access.coachesOf(cycle.id);
      const proposed = proposals.filter((p) => coaches.get(p.subjectId) !== p.raterId);
      await this.nominations.addProposals(manager, proposed);
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'raters.proposed',
        target: `cycle:${cycle.id}`,
        detail: { subjects: targets.length, proposals: proposed.length },
      });
    });
    return this.view.of(viewer.organisationId, cycle.id, subjectId ?? null);
  }
}
