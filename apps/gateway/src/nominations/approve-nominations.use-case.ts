import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { Nomination } from './dto/nomination.model';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';

/** The subject's manager (or HR) approves the subject's proposed raters. */
@Injectable()
export class ApproveNominationsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly nominations: NominationsRepository,
    private readonly view: NominationView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    await this.access.approveNominations(viewer, subjectId);
    requireStatus(cycle, ['draft'], 'approve nominations');
    if (!(await this.access.isSubject(cycle.id, subjectId)))
      throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    await this.nominations.approveProposed(cycle.id, subjectId);
    return this.view.of(viewer.organisationId, cycle.id, subjectId);
  }
}
