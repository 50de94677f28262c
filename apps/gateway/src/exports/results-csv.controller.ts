import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuthService } from '../accounts/auth.service';
import { RequestContext, Viewer } from '../access/viewer';
import { UnauthenticatedError } from '../common/errors';
import { refuseDownload } from './download-response';
import { DownloadTicketsRepository } from './download-tickets.repository';
import { ExportCsvUseCase, resultsCsvPath } from './export-csv.use-case';

/**
 * `GET /exports/:cycleId/results.csv` (HR), with the bearer token or with the single-use ticket of a
 * `resultsCsvDownload` link (what a browser follows by itself): the cycle's figures as CSV, streamed
 * a subject at a time, at the pace the client reads.
 */
@Controller('exports')
export class ResultsCsvController {
  private readonly logger = new Logger(ResultsCsvController.name);
  constructor(
    private readonly exportCsv: ExportCsvUseCase,
    private readonly tickets: DownloadTicketsRepository,
    private readonly auth: AuthService,
  ) {}

  @Get(':cycleId/results.csv')
  async csv(
    @Param('cycleId') cycleId: string,
    @Query('ticket') ticket: unknown,
    @Req() req: { leaderscope?: RequestContext },
    @Res() res: Response,
  ): Promise<void> {
    let file: { fileName: string; chunks: AsyncGenerator<string> };
    try {
      const viewer = ticket === undefined ? req.leaderscope?.viewer : await this.viewerOfTicket(ticket, resultsCsvPath(cycleId));
      if (!viewer) throw new UnauthenticatedError();
      file = await this.exportCsv.open(viewer, cycleId);
    } catch (error) {
      return refuseDownload(res, error, this.logger, 'The export could not be made. Try again in a moment.');
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'no-store');
    // The stream's own back-pressure paces the export, and a client that goes away stops the
    // generator. An error after the first byte cuts the download off (no last chunk), so the client
    // sees it failed rather than a file that looks whole.
    try {
      await pipeline(Readable.from(file.chunks), res);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        this.logger.error(error instanceof Error ? error : String(error));
    }
  }

  /** The viewer of the session a ticket was issued to, using the ticket up; refused when it cannot open this path now. */
  private async viewerOfTicket(ticket: unknown, path: string): Promise<Viewer> {
    const session = typeof ticket === 'string' && ticket.length <= 100 ? await this.tickets.redeem(ticket, path) : null;
    const viewer = session ? await this.auth.resolveSession(session) : null;
    if (!viewer)
      throw new UnauthenticatedError('This download link has expired or was used already: start the download again from the dashboard');
    return viewer;
  }
}
