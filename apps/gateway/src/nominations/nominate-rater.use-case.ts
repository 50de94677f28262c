import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { SUBJECT_NOMINATED_GROUPS } from '@leaderscope/vocabulary';
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { CyclesRepository } from '../cycles/cycles.repository';
import { PeopleRepository } from '../people/people.repository';
import { NominateRaterInput } from './dto/nominate-rater.input';
import { Nomination } from './dto/nomination.model';
import { NominationEntity } from './nomination.entity';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';

/**
 * HR may nominate anyone in any group; the subject may add or remove peers and partners
 * ("other"). A nomination by the subject waits for their manager's approval. Each change is one
 * transaction under the cycle's row lock and the nomination's, with its audit record; repeating a
 * change changes nothing and records nothing.
 */
@Injectable()
export class NominateRaterUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly people: PeopleRepository,
    private readonly nominations: NominationsRepository,
    private readonly view: NominationView,
    private readonly cycles: CyclesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, input: NominateRaterInput): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    this.access.nominate(viewer, input.subjectId);
    if (!viewer.isHrAdmin && !SUBJECT_NOMINATED_GROUPS.includes(input.group)) {
      throw new InputError([
        { field: 'input.group', message: 'subjects can only nominate peers and partners (other); HR handles the rest' },
      ]);
    }
    requireStatus(cycle, ['draft'], 'change nominations');
    if (!(await this.access.isSubject(cycle.id, input.subjectId)))
      throw new InputError([{ field: 'input.subjectId', message: 'is not a subject of this cycle', code: 'notASubject' }]);
    const rater = await this.people.findOne(viewer.organisationId, input.raterId);
    if (!rater) throw new InputError([{ field: 'input.raterId', message: 'no such person in this organisation', code: 'unknownPerson' }]);
    if (rater.id === input.subjectId && input.group !== 'self')
      throw new InputError([{ field: 'input.raterId', message: 'the subject can only rate themselves as self' }]);
    this.access.changeNomination(viewer, (await this.nominations.find(cycle.id, input.subjectId, input.raterId))?.raterGroup ?? null);
    const source = viewer.isHrAdmin ? 'hr' : 'subject';
    await this.outbox.transact(async ({ manager }) => {
      requireStatus((await this.cycles.lock(manager, cycle.id))!, ['draft'], 'change nominations');
      const existing = await this.nominations.findForUpdate(manager, cycle.id, input.subjectId, input.raterId);
      this.access.changeNomination(viewer, existing?.raterGroup ?? null); // again, on the locked row
      if (!input.remove && (await this.access.coachesOf(cycle.id)).get(input.subjectId) === input.raterId)
        throw new InputError([
          {
            field: 'input.raterId',
            message: "is the subject's coach in this cycle: a coach reads the leader's report, so never rates them",
          },
        ]);
      const record = (action: string, id: string, from: Partial<NominationEntity> | null, to: Partial<NominationEntity> | null) =>
        this.audit.record(manager, {
          organisationId: cycle.organisationId,
          accountId: viewer.accountId,
          action,
          target: `nomination:${id}`,
          detail: {
            cycleId: cycle.id,
            subjectId: input.subjectId,
            raterId: input.raterId,
            fromGroup: from?.raterGroup ?? null,
            fromStatus: from?.status ?? null,
            toGroup: to?.raterGroup ?? null,
            toStatus: to?.status ?? null,
            source,
          },
        });
      if (input.remove) {
        if (!existing || existing.status === 'removed') return; // nothing to remove: nothing changes
        await this.nominations.remove(manager, existing.id, source);
        await record('nomination.removed', existing.id, existing, { ...existing, status: 'removed', source });
        return;
      }
      const row: NominationEntity = {
        id: existing?.id ?? randomUUID(),
        cycleId: cycle.id,
        subjectId: input.subjectId,
        raterId: input.raterId,
        raterGroup: input.group,
        source,
        status: viewer.isHrAdmin ? 'approved' : 'proposed',
      };
      if (existing && existing.raterGroup === row.raterGroup && existing.status === row.status && existing.source === row.source) return;
      await this.nominations.save(manager, row);
      await record(existing ? 'nomination.changed' : 'nomination.added', row.id, existing, row);
    });
    return this.view.of(viewer.organisationId, cycle.id, input.subjectId);
  }
}
