import { cycleClosedV1, cycleScoreRequestedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { LiveUpdates } from '../common/live-updates';
import { requireStatus } from './cycle-status';
import { CycleView } from './cycle-view';
import { CyclesRepository } from './cycles.repository';
import { Cycle } from './dto/cycle.model';

/**
 * HR closes the cycle: survey links stop working and submissions are refused, and the scoring service
 * is asked for the cycle-level result (norms, reliability, comparisons) of the closed cycle.
 */
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
    await this.access.cycle(viewer, cycleId);
    return this.close(viewer, cycleId);
  }

  /** Closes a cycle the caller has already been allowed to close (HR here; the leader for their own pulse). */
  async close(viewer: Viewer, cycleId: string): Promise<Cycle> {
    // Status read and changed under the cycle's row lock: a release racing this close sees the
    // closed cycle (and makes it `released`), or this close sees the release.
    const closed = await this.outbox.transact(async ({ manager, emit }) => {
      const cycle = (await this.cycles.lock(manager, cycleId))!;
      requireStatus(cycle, ['launched'], 'close');
      const now = new Date();
      const change = {
        status: cycle.releasedAt ? ('released' as const) : ('closed' as const),
        closedAt: now,
        closesAt: now < cycle.closesAt ? now : cycle.closesAt,
      };
      await this.cycles.update(manager, cycle.id, change);
      // The notification service stops reminders for this cycle.
      emit(
        cycleClosedV1,
        { cycleId: cycle.id, closedAt: now.toISOString() },
        { organisationId: cycle.organisationId, correlationId: cycle.id },
      );
      // The scoring service computes the cycle-level result (norms, reliability) of the closed cycle.
      emit(
        cycleScoreRequestedV1,
        { requestId: randomUUID(), cycleId: cycle.id, resultSet: 'live', closed: true, requestedAt: now.toISOString() },
        { organisationId: cycle.organisationId },
      );
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.closed',
        target: `cycle:${cycle.id}`,
      });
      return { ...cycle, ...change };
    });
    this.live.changed(closed.id);
    return this.view.of(closed);
  }
}
