import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { RateLimitsService } from '../accounts/rate-limits.service';
import { FieldProblem, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { ColleaguePage } from './dto/colleague.model';
import { PeopleRepository } from './people.repository';

/** The shortest search a leader may make, and the longest; the largest page. */
export const COLLEAGUE_SEARCH = { minLength: 2, maxLength: 100, maxPage: 50, defaultPage: 20 } as const;

/**
 * A leader finds colleagues by name to propose them as peers or partners (HR keeps `people` and
 * `directory`). Only the leader reviewed in the cycle, while it is being set up; people of their own
 * organisation, never erased ones, never the leader; name, title and department only; a page at a
 * time, and a limited number of searches a minute per account, so the directory is not read out.
 */
@Injectable()
export class SearchColleaguesUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly rateLimits: RateLimitsService,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, search: string, first?: number | null, after?: string | null): Promise<ColleaguePage> {
    await this.rateLimits.colleagueSearch(viewer.accountId);
    const term = search.trim();
    const size = first ?? COLLEAGUE_SEARCH.defaultPage;
    const problems: FieldProblem[] = [
      ...(isUuid(cycleId) ? [] : [{ field: 'cycleId', message: 'is not a cycle id' }]),
      ...(term.length < COLLEAGUE_SEARCH.minLength
        ? [{ field: 'search', message: `needs at least ${COLLEAGUE_SEARCH.minLength} characters of a name` }]
        : term.length > COLLEAGUE_SEARCH.maxLength
          ? [{ field: 'search', message: `must be at most ${COLLEAGUE_SEARCH.maxLength} characters` }]
          : []),
      ...(Number.isInteger(size) && size >= 1 && size <= COLLEAGUE_SEARCH.maxPage
        ? []
        : [{ field: 'first', message: `must be between 1 and ${COLLEAGUE_SEARCH.maxPage}` }]),
    ];
    if (problems.length) throw new InputError(problems);
    const request = { ...pageRequest(size, after, 'NAME', SortDirection.ASC), first: size };
    const cycle = await this.access.cycle(viewer, cycleId);
    const leaderId = await this.access.searchColleagues(viewer, cycle);
    const rows = await this.people.colleagues(viewer.organisationId, term, leaderId, request);
    return toPage(rows, request, (c) => ({ key: c.name, id: c.id }));
  }
}
