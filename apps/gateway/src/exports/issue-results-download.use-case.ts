import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { UnauthenticatedError } from '../common/errors';
import { DownloadLink } from './dto/download-link.model';
import { DownloadTicketsRepository } from './download-tickets.repository';
import { ExportCsvUseCase, resultsCsvPath } from './export-csv.use-case';

/**
 * HR: a single-use link to the cycle's results CSV, after the same refusals as the download itself
 * (so the dashboard shows them, not the browser's download bar). The browser follows the link and
 * streams the file to disk; the page never holds it (about 417 MiB at 10,000 leaders).
 */
@Injectable()
export class IssueResultsDownloadUseCase {
  constructor(
    private readonly exportCsv: ExportCsvUseCase,
    private readonly tickets: DownloadTicketsRepository,
  ) {}

  async execute(viewer: Viewer, sessionToken: string | null, cycleId: string): Promise<DownloadLink> {
    const cycle = await this.exportCsv.authorise(viewer, cycleId);
    if (!sessionToken) throw new UnauthenticatedError('A download link needs a signed-in session: send the bearer token');
    const path = resultsCsvPath(cycle.id);
    const { ticket, expiresAt } = await this.tickets.issue(sessionToken, path);
    return { url: `${path}?ticket=${ticket}`, expiresAt };
  }
}
