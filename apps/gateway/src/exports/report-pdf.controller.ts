import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { RequestContext } from '../access/viewer';
import { ErrorCode } from '../common/errors';
import { RenderReportPdfUseCase } from './render-report-pdf.use-case';

interface PdfResponse {
  status(code: number): { json(body: unknown): void };
  setHeader(k: string, v: string): void;
  end(b: Buffer): void;
}

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
    @Res() res: PdfResponse,
  ): Promise<void> {
    const viewer = req.leaderscope?.viewer;
    if (!viewer) return res.status(401).json({ error: 'UNAUTHENTICATED', message: 'Sign in first: this needs a valid bearer token' });
    let pdf: Buffer | null;
    try {
      pdf = await this.renderPdf.execute(viewer, cycleId, subjectId);
    } catch (error) {
      // Our own errors keep their code and plain message; anything else is an internal error, never shown raw.
      const code = error instanceof GraphQLError ? String(error.extensions.code) : ErrorCode.Internal;
      const status = { [ErrorCode.Forbidden]: 403, [ErrorCode.NotFound]: 404, [ErrorCode.BadUserInput]: 400 }[code];
      if (status) return res.status(status).json({ error: code, message: (error as Error).message });
      this.logger.error(error instanceof Error ? error : String(error));
      return res.status(500).json({ error: ErrorCode.Internal, message: 'The PDF could not be made. Try again in a moment.' });
    }
    if (!pdf) return res.status(404).json({ error: 'NOT_FOUND', message: 'No responses have been scored for this subject yet' });
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="leaderscope-${subjectId}.pdf"`);
    res.end(pdf);
  }
}
