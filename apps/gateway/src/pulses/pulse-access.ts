import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ForbiddenError } from '../common/errors';
import { CycleEntity } from '../cycles/cycle.entity';

const NO_PULSE = 'This follow-up pulse does not exist or you do not have access to it';

/**
 * Who may do what with a leader's follow-up pulses (like the development plan): the leader and HR
 * start one; the leader and their manager read its focus areas and result; HR, who runs the
 * process, reads only its counts (invited, answered), never the plan's focus areas or the figures.
 */
@Injectable()
export class PulseAccess {
  constructor(private readonly access: AccessPolicy) {}

  /** `leader`, `manager` or `hr` for this leader of this cycle; anybody else is refused. */
  async roleOf(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<'leader' | 'manager' | 'hr'> {
    if (!(await this.access.isSubject(cycle.id, subjectId))) throw new ForbiddenError(NO_PULSE);
    if (viewer.personId === subjectId) return 'leader';
    if (await this.access.isManagerOf(viewer, subjectId)) return 'manager';
    if (viewer.isHrAdmin) return 'hr';
    throw new ForbiddenError(NO_PULSE);
  }

  /** Only the leader or HR start a pulse (an HR administrator who is also the leader's manager, as HR). */
  async starter(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<'leader' | 'hr'> {
    const role = await this.roleOf(viewer, cycle, subjectId);
    if (role === 'leader') return 'leader';
    if (viewer.isHrAdmin) return 'hr';
    throw new ForbiddenError('Only the leader or HR can start a follow-up pulse');
  }
}
