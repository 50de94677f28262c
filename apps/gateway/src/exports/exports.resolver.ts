import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, SessionToken, Viewer } from '../access/viewer';
import { DownloadLink } from './dto/download-link.model';
import { IssueResultsDownloadUseCase } from './issue-results-download.use-case';

@Resolver()
export class ExportsResolver {
  constructor(private readonly resultsDownload: IssueResultsDownloadUseCase) {}

  @HrOnly()
  @Mutation(() => DownloadLink, {
    description:
      "HR: a single-use link to download the cycle's results as CSV (GET /exports/:cycleId/results.csv, also served with the bearer token). Refused here as the download would be: not HR, another organisation's cycle, a pulse, no results yet.",
  })
  resultsCsvDownload(
    @CurrentViewer() viewer: Viewer,
    @SessionToken() token: string | null,
    @Args('cycleId', { type: () => ID }) cycleId: string,
  ): Promise<DownloadLink> {
    return this.resultsDownload.execute(viewer, token, cycleId);
  }
}
