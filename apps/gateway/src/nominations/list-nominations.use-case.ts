import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { pageRequest, SortDirection } from '../common/paging';
import { Nomination, NominationFilter, NominationPage, NominationSort, NominationSortKey } from './dto/nomination.model';
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

  /**
   * A page of them with cursors (keyset paging), filtered and sorted in PostgreSQL. Who may read
   * which is as above: a filter on one subject is what lets the subject and their manager in.
   */
  async page(
    viewer: Viewer,
    cycleId: string,
    options: { first?: number; after?: string; filter?: NominationFilter; sort?: NominationSort },
  ): Promise<NominationPage> {
    const request = pageRequest(
      options.first ?? 100,
      options.after,
      options.sort?.by ?? NominationSortKey.SUBJECT,
      options.sort?.direction ?? SortDirection.ASC,
    );
    const cycle = await this.access.cycle(viewer, cycleId);
    await this.access.readNominations(viewer, options.filter?.subjectId ?? null);
    return this.view.page(viewer.organisationId, cycle.id, options.filter ?? {}, request);
  }
}
