import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { Nomination } from './dto/nomination.model';
import { NominationView } from './nomination-view';

/** Nominations of a cycle (HR) or of one subject (HR, the subject, their manager). */
@Injectable()
export class ListNominationsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly view: NominationView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string | null): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    await this.access.readNominations(viewer, subjectId);
    return this.view.of(viewer.organisationId, cycle.id, subjectId);
  }
}
