import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { ResponseRetention } from './dto/retention.model';
import { RetentionRepository } from './retention.repository';

/** HR: the retention setting and, per closed cycle, when its raw answers are (or were) deleted. */
@Injectable()
export class GetRetentionUseCase {
  constructor(private readonly retention: RetentionRepository) {}

  async execute(viewer: Viewer): Promise<ResponseRetention> {
    const months = await this.retention.months(viewer.organisationId);
    const cycles = await this.retention.ofOrganisation(viewer.organisationId);
    return {
      months,
      cycles: cycles.map((c) => ({ cycleId: c.cycleId, name: c.name, closedAt: c.closedAt, deleteOn: c.deleteOn, deletedAt: c.purgedAt })),
    };
  }
}
