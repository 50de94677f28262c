import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { LiveUpdates } from '../common/live-updates';
import { requireStatus } from './cycle-status';
import { CycleView } from './cycle-view';
import { CyclesRepository } from './cycles.repository';
import { Cycle } from './dto/cycle.model';

/** HR closes the cycle: survey links stop working and submissions are refused. */
@Injectable()
export class CloseCycleUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly live: LiveUpdates,
    private readonly view: CycleView,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<Cycle> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['launched'], 'close');
    const now = new Date();
    const change = { status: cycle.releasedAt ? ('released' as const) : ('closed' as const), closedAt: now, closesAt: now < cycle.closesAt ? now : cycle.closesAt };
    await this.outbox.transact(async ({ manager }) => {
      await this.cycles.update(manager, cycle.id, change);
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'cycle.closed', target: `cycle:${cycle.id}` });
    });
    this.live.changed(cycle.id);
    return this.view.of({ ...cycle, ...change });
  }
}
