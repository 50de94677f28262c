import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { RequestContext } from '../access/viewer';
import { UnauthenticatedError } from '../common/errors';
import { refuseDownload } from './download-response';
import { ExportCsvUseCase } from './export-csv.use-case';

/**
 * `GET /exports/:cycleId/results.csv` with the bearer token (HR): the cycle's figures as CSV,
 * streamed a subject at a time, at the pace the client reads.
 */
@Controller('exports')
export class ResultsCsvController {
  private readonly logger = new Logger(ResultsCsvController.name);
  constructor(private readonly exportCsv: ExportCsvUseCase) {}

  @Get(':cycleId/results.csv')
  async csv(@Param('cycleId') cycleId: string, @Req() req: { leaderscope?: RequestContext }, @Res() res: Response): Promise<void> {
    let chunks: AsyncGenerator<string>;
    try {
      const viewer = req.leaderscope?.viewer;
      if (!viewer) throw new UnauthenticatedError();
      chunks = await this.exportCsv.open(viewer, cycleId);
    } catch (error) {
      return refuseDownload(res, error, this.logger, 'The export could not be made. Try again in a moment.');
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="leaderscope-${cycleId}-results.csv"`);
    res.setHeader('cache-control', 'no-store');
    try {
      for await (const chunk of chunks) {
        if (res.destroyed) return void (await chunks.return(undefined)); // the client went away
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      res.end();
    } catch (error) {
      // The status line is sent: the download is cut off (no last chunk), so the client sees it
      // failed rather than a file that looks whole.
      this.logger.error(error instanceof Error ? error : String(error));
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
