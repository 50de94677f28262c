import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError } from '../common/errors';
import { CoachingRepository } from './coaching.repository';
import { CoachingView } from './coaching-view';
import { CycleCoaching } from './dto/coaching.model';

/**
 * HR marks a cycle as coached (or not), from its creation until results are released. Unmarking
 * drops its coach assignments. Audited when it changes; setting the same value again changes nothing.
 */
@Injectable()
export class SetCycleCoachedUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly coaching: CoachingRepository,
    private readonly audit: AuditRepository,
    private readonly view: CoachingView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, coached: boolean): Promise<CycleCoaching> {
    await this.access.cycle(viewer, cycleId);
    const cycle = await this.dataSource.transaction(async (manager) => {
      // Under the cycle's row lock, like release: a release never sees half a change.
      const locked = (await this.coaching.lockCycle(manager, cycleId))!;
      if (locked.releasedAt)
        throw new ConflictError('The results of this cycle were released already: a cycle is marked coached before its release', {
          reason: 'releasedAlready',
        });
      if ((await this.coaching.isCoached(locked.id, manager)) === coached) return locked;
      if (coached) await this.coaching.markCoached(manager, locked);
      else await this.coaching.unmarkCoached(manager, locked.id);
      await this.audit.record(manager, {
        organisationId: locked.organisationId,
        accountId: viewer.accountId,
        action: coached ? 'coaching.cycle-coached' : 'coaching.cycle-uncoached',
        target: `cycle:${locked.id}`,
      });
      return locked;
    });
    return this.view.of(cycle);
  }
}
