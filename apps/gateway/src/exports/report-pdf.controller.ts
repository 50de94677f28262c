import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequestContext } from '../access/viewer';
import { NotFoundError, UnauthenticatedError } from '../common/errors';
import { refuseDownload } from './download-response';
import { RenderReportPdfUseCase } from './render-report-pdf.use-case';

/** `GET /reports/:cycleId/:subjectId.pdf` with the bearer token: one subject's report as PDF (same access rules). */
@Controller('reports')
export class ReportPdfController {
  private readonly logger = new Logger(ReportPdfController.name);
  constructor(private readonly renderPdf: RenderReportPdfUseCase) {}

  @Get(':cycleId/:subjectId.pdf')
  async pdf(
    @Param('cycleId') cycleId: string,
    @Param('subjectId') subjectId: string,
    @Req() req: { leaderscope?: RequestContext },
    @Res() res: Response,
  ): Promise<void> {
    let pdf: Buffer | null;
    try {
      const viewer = req.leaderscope?.viewer;
      if (!viewer) throw new UnauthenticatedError();
      pdf = await this.renderPdf.execute(viewer, cycleId, subjectId);
      if (!pdf) throw new NotFoundError('No responses have been scored for this subject yet');
    } catch (error) {
      return refuseDownload(res, error, this.logger, 'The PDF could not be made. Try again in a moment.');
    }
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="leaderscope-${subjectId}.pdf"`);
    res.end(pdf);
  }
}
