import { Injectable } from '@nestjs/common';
import { OutboxService } from '@leaderscope/service-kit';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { InputError } from '../common/errors';
import { ResponseRetention } from './dto/retention.model';
import { GetRetentionUseCase } from './get-retention.use-case';
import { RetentionRepository } from './retention.repository';

export const MAX_RETENTION_MONTHS = 240;

/** HR sets (or clears) how many months after a cycle closes its raw answers and comments are deleted. Audited. */
@Injectable()
export class SetRetentionUseCase {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly read: GetRetentionUseCase,
  ) {}

  async execute(viewer: Viewer, months: number | null): Promise<ResponseRetention> {
    if (months !== null && (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS))
      throw new InputError([
        { field: 'months', message: `must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, or null to keep answers` },
      ]);
    await this.outbox.transact(async ({ manager }) => {
      const before = await this.retention.months(viewer.organisationId);
      await this.retention.setMonths(manager, viewer.organisationId, months);
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'retention.changed',
        target: `organisation:${viewer.organisationId}`,
        detail: { before, after: months },
      });
    });
    return this.read.execute(viewer);
  }
}
