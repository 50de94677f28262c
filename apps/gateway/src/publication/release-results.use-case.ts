import { debriefRequestedV1, resultsReleasedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { CoachedRelease } from '../coaching/coaching-notices';
import { ConflictError } from '../common/errors';
import { LiveUpdates } from '../common/live-updates';
import { CyclesRepository } from '../cycles/cycles.repository';
import { NotificationEvents } from '../notifications/notification-events';
import { PublicationRepository } from './publication.repository';

/**
 * HR releases results: each subject's current report becomes what the subject and their manager
 * see (in a coached cycle: their coach, and the subject and manager after the debrief). A cycle may be released while it still collects answers; later answers reach the
 * publication only under the publication rule. A closed cycle becomes `released`.
 */
@Injectable()
export class ReleaseResultsUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly publication: PublicationRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveUpdates,
    private readonly notices: NotificationEvents,
    private readonly coached: CoachedRelease,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<void> {
    await this.access.cycle(viewer, cycleId);
    await this.outbox.transact(async ({ manager, emit }) => {
      // Status read and changed under the cycle's row lock (see CloseCycleUseCase).
      const cycle = (await this.cycles.lock(manager, cycleId))!;
      if (cycle.releasedAt) throw new ConflictError('The results of this cycle were released already', { reason: 'releasedAlready' });
      if (cycle.kind === 'pulse')
        throw new ConflictError('A follow-up pulse is not released: its result reaches the leader and their manager when it closes', {
          reason: 'pulseNotReleased',
        });
      if (cycle.status !== 'closed' && cycle.status !== 'launched')
        throw new ConflictError(`Cannot release results: the cycle is ${cycle.status}`, {
          reason: 'wrongStatus',
          values: { action: 'release results', status: cycle.status },
        });
      // A coached cycle: refused while a leader has no coach; its reports wait for each debrief.
      const coaching = await this.coached.onRelease(manager, cycle);
      await this.publication.publishFirst(manager, cycle.id);
      await this.cycles.update(manager, cycle.id, {
        status: cycle.status === 'closed' ? 'released' : cycle.status,
        releasedAt: new Date(),
      });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'results.released',
        target: `cycle:${cycle.id}`,
      });
      // The subject and their manager hear, by mail, that the report is ready.
      // In a coached cycle the coach hears instead, and the leader and manager after the debrief.
      for (const notice of await this.notices.released(manager, cycle))
        if (!coaching.held.has(notice.subjectId))
          emit(resultsReleasedV1, notice, { organisationId: cycle.organisationId, correlationId: cycle.id });
      for (const notice of coaching.notices)
        emit(debriefRequestedV1, notice, { organisationId: cycle.organisationId, correlationId: cycle.id });
    });
    this.live.changed(cycleId);
  }
}
