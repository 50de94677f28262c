import { CycleResponsesPurgeRequestedV1, EventEnvelope } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import { ResponseEntity } from '../responses/response.entity';

/**
 * The retention period of a closed cycle ran out: every stored response of the cycle (each version,
 * its answers and comments) is deleted. Through the inbox, and a repeat finds nothing to delete.
 */
@Injectable()
export class PurgeCycleResponsesUseCase {
  static readonly consumer = 'retention';
  private readonly logger = new Logger(PurgeCycleResponsesUseCase.name);

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<CycleResponsesPurgeRequestedV1>): Promise<number> {
    const deleted = await this.outbox.handleOnce(PurgeCycleResponsesUseCase.consumer, event, async ({ manager }) => {
      // The append-only trigger lets this transaction, and only it, delete.
      await manager.query(`SET LOCAL leaderscope.retention_purge = 'on'`);
      const result = await manager
        .getRepository(ResponseEntity)
        .createQueryBuilder()
        .delete()
        .where('cycle_id = :cycleId AND organisation_id = :organisationId', {
          cycleId: event.payload.cycleId,
          organisationId: event.organisationId,
        })
        .execute();
      return result.affected ?? 0;
    });
    if (deleted) this.logger.log(`retention: deleted ${deleted} response version(s) of cycle ${event.payload.cycleId}`);
    return deleted ?? 0;
  }
}
