import { rescoreRequestedV1 } from '@leaderscope/events';
import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, InputError } from '../common/errors';
import { requireStatus } from './cycle-status';
import { CyclesRepository } from './cycles.repository';
import { RescoreRequest } from './dto/cycle.model';

/** HR: rescore the cycle from stored responses under another instrument version or role profile. */
@Injectable()
export class RescoreCycleUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly cycles: CyclesRepository,
  ) {}

  async execute(
    viewer: Viewer,
    cycleId: string,
    instrumentVersion?: number | null,
    roleProfileId?: string | null,
  ): Promise<RescoreRequest> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['launched', 'closed', 'released'], 'rescore');
    let instrument: InstrumentDefinition;
    try {
      instrument = getInstrument(cycle.instrumentId, instrumentVersion ?? cycle.instrumentVersion);
    } catch (error) {
      throw new InputError([{ field: 'instrumentVersion', message: (error as Error).message }]);
    }
    const profile = roleProfileId ?? cycle.roleProfileId;
    if (!instrument.roleProfiles.some((p) => p.id === profile))
      throw new InputError([{ field: 'roleProfileId', message: `unknown role profile "${profile}"` }]);
    const rescoreId = randomUUID();
    await this.outbox.transact(async ({ manager, emit }) => {
      // Under the cycle's row lock, like every transition: still rescorable, same threshold.
      const locked = (await this.cycles.lock(manager, cycle.id))!;
      requireStatus(locked, ['launched', 'closed', 'released'], 'rescore');
      if (locked.responsesPurgedAt)
        throw new ConflictError(
          `This cycle's answers were deleted on ${locked.responsesPurgedAt.toISOString().slice(0, 10)} under the retention setting: it cannot be rescored`,
        );
      emit(
        rescoreRequestedV1,
        {
          rescoreId,
          cycleId: cycle.id,
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          roleProfileId: profile,
          minGroupSize: locked.anonymityThreshold,
          requestedAt: new Date().toISOString(),
        },
        { organisationId: cycle.organisationId, correlationId: rescoreId },
      );
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.rescore-requested',
        target: `cycle:${cycle.id}`,
        detail: { rescoreId, instrumentVersion: instrument.version, roleProfileId: profile },
      });
    });
    return { rescoreId, cycleId: cycle.id, instrumentVersion: instrument.version, roleProfileId: profile };
  }
}
