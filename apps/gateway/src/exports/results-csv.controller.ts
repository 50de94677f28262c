import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
    // The stream's own back-pressure paces the export, and a client that goes away stops the
    // generator. An error after the first byte cuts the download off (no last chunk), so the client
    // sees it failed rather than a file that looks whole.
    try {
      await pipeline(Readable.from(chunks), res);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        this.logger.error(error instanceof Error ? error : String(error));
    }
  }
}
