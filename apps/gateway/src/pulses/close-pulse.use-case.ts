import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ForbiddenError, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { CloseCycleUseCase } from '../cycles/close-cycle.use-case';
import { PulseAccess } from './pulse-access';
import { PulseEntity } from './pulse.entity';
import { PulsesRepository } from './pulses.repository';

/**
 * The leader (or HR) closes a follow-up pulse before its closing time, once they have heard enough:
 * its links stop working and, for the leader and manager, each focus area's figure appears under
 * the same threshold and disclosure rule as at the closing time. The pulse's own cycle is closed
 * the way HR closes any cycle (the same events, the same audit entry).
 */
@Injectable()
export class ClosePulseUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly pulseAccess: PulseAccess,
    private readonly pulses: PulsesRepository,
    private readonly closeCycle: CloseCycleUseCase,
  ) {}

  async execute(viewer: Viewer, pulseId: string): Promise<{ pulseId: string }> {
    if (!isUuid(pulseId)) throw new InputError([{ field: 'pulseId', message: 'is not a pulse id' }]);
    const pulse = await this.pulses.manager.getRepository(PulseEntity).findOneBy({ pulseId, organisationId: viewer.organisationId });
    if (!pulse) throw new ForbiddenError('This follow-up pulse does not exist or you do not have access to it');
    const followed = await this.access.cycle(viewer, pulse.cycleId);
    await this.pulseAccess.starter(viewer, followed, pulse.subjectId); // the leader or HR, anybody else refused
    await this.closeCycle.close(viewer, pulse.pulseId);
    return { pulseId: pulse.pulseId };
  }
}
