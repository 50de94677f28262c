import { cycleResponsesPurgeRequestedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../common/audit.repository';
import { CyclesRepository } from '../cycles/cycles.repository';
import { RetentionRepository } from './retention.repository';

/**
 * The retention job's command: every closed cycle whose retention period has run out at `now` gets
 * its raw answers deleted: the gateway's own copies here, and the services' through
 * `cycle.responses-purge-requested` in the same transaction (under the cycle's row lock, so two
 * replicas never send it twice). Reports, released or not, stay exactly as they are.
 */
@Injectable()
export class PurgeDueCyclesUseCase {
  private readonly logger = new Logger(PurgeDueCyclesUseCase.name);

  constructor(
    private readonly retention: RetentionRepository,
    private readonly cycles: CyclesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  /** The ids of the cycles whose deletion was sent now. */
  async execute(now: Date): Promise<string[]> {
    const sent: string[] = [];
    for (const due of await this.retention.due(now)) {
      const done = await this.outbox.transact(async ({ manager, emit }) => {
        const cycle = await this.cycles.lock(manager, due.cycleId);
        if (!cycle || cycle.responsesPurgedAt || !cycle.closedAt) return false;
        await this.retention.purgeGatewayCopies(manager, cycle.id, now);
        emit(
          cycleResponsesPurgeRequestedV1,
          {
            requestId: randomUUID(),
            cycleId: cycle.id,
            closedAt: cycle.closedAt.toISOString(),
            retentionMonths: due.retentionMonths!,
            dueAt: due.deleteOn!.toISOString(),
            requestedAt: now.toISOString(),
          },
          { organisationId: cycle.organisationId, correlationId: cycle.id },
        );
        await this.audit.record(manager, {
          organisationId: cycle.organisationId,
          accountId: null,
          action: 'cycle.responses-deleted',
          target: `cycle:${cycle.id}`,
          detail: { retentionMonths: due.retentionMonths, dueAt: due.deleteOn!.toISOString() },
        });
        return true;
      });
      if (done) sent.push(due.cycleId);
    }
    if (sent.length) this.logger.log(`retention: raw answers of ${sent.length} closed cycle(s) deleted: ${sent.join(', ')}`);
    return sent;
  }
}
