import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { CyclesRepository } from '../cycles/cycles.repository';
import { PeopleRepository } from '../people/people.repository';
import { chunks } from '../common/ids';
import { NominationSummary } from './dto/nomination.model';
import { NominationsRepository } from './nominations.repository';
import { proposeRaters } from './rater-proposal';

/**
 * HR: propose raters from reporting lines for one subject or all. Existing nominations stay as they
 * are. The proposals are built and written `chunkSubjects` subjects at a time (their reporting
 * lines read, their proposals built and inserted, then the next chunk), all in one transaction:
 * the gateway holds one chunk's proposals, not a whole cycle's 150,000. The answer is a summary
 * (`NominationSummary`): a cycle's nominations are read a page at a time (`nominationPage`).
 */
@Injectable()
export class ProposeRatersUseCase {
  /** Subjects whose proposals are built and written together (about 15 proposals each). */
  static chunkSubjects = 1000;

  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly people: PeopleRepository,
    private readonly nominations: NominationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId?: string | null): Promise<NominationSummary> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft'], 'propose raters');
    const subjects = await this.cycles.subjectIds(cycle.id);
    const targets = subjectId ? subjects.filter((s) => s === subjectId) : subjects;
    if (subjectId && targets.length === 0)
      throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle', code: 'notASubject' }]);
    let added = 0;
    const touched = new Set<string>();
    // One transaction, under the cycle's row lock: all proposals or none, never into a cycle that
    // was launched meanwhile, and audited with them.
    await this.outbox.transact(async ({ manager }) => {
      const locked = (await this.cycles.lock(manager, cycle.id))!;
      requireStatus(locked, ['draft'], 'propose raters');
      // A leader's coach (coached cycle) is never proposed as their rater: they read the report.
      const coaches = await this.access.coachesOf(cycle.id);
      let proposals = 0;
      for (const chunk of chunks(targets, ProposeRatersUseCase.chunkSubjects)) {
        // Only the reporting lines the proposal reads (not the whole directory).
        const people = await this.people.neighbourhood(viewer.organisationId, chunk, manager);
        const proposed = proposeRaters(cycle.id, chunk, people, cycle.maxRatersPerGroup).filter(
          (p) => coaches.get(p.subjectId) !== p.raterId,
        );
        const result = await this.nominations.addProposals(manager, proposed);
        proposals += proposed.length;
        added += result.added;
        for (const id of result.subjectIds) touched.add(id);
      }
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'raters.proposed',
        target: `cycle:${cycle.id}`,
        detail: { subjects: targets.length, proposals },
      });
    });
    const counts = await this.nominations.statusCounts(cycle.id, subjectId ?? null);
    return {
      cycleId: cycle.id,
      subjectId: subjectId ?? null,
      organisationId: viewer.organisationId,
      changed: added,
      subjectsTouched: touched.size,
      ...counts,
    };
  }
}
