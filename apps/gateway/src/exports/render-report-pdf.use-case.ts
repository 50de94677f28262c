import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { Viewer } from '../access/viewer';
import { SubjectReport } from '../reports/dto/report.model';
import { ReadReportUseCase } from '../reports/read-report.use-case';

/** One subject's report as PDF, under the same access rules as `subjectReport`; null before the first scored response. */
@Injectable()
export class RenderReportPdfUseCase {
  constructor(private readonly readReport: ReadReportUseCase) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<Buffer | null> {
    const report = await this.readReport.execute(viewer, cycleId, subjectId);
    return report ? renderPdf(report) : null;
  }
}

export function renderPdf(report: SubjectReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Leaderscope report: ${report.subject.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

  doc.fontSize(20).text(`360 feedback report: ${report.subject.name}`);
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#555')
    .text(`${report.responseCount} responses · report version ${report.reportVersion} · ${report.visibility}`);
  doc.fillColor('#000').moveDown();
  doc.fontSize(13).text('Overall');
  doc
    .fontSize(10)
    .text(
      `Others ${f(report.overall.others)} · Self ${f(report.overall.self)} · Gap ${f(report.overall.gap)} · Fit to role ${f(report.overall.fit)}`,
    );
  doc.moveDown();
  doc.fontSize(13).text('Dimensions (others mean, 95% interval, fit to target)');
  doc.moveDown(0.3);
  const barX = 300;
  const barW = 200;
  for (const d of report.dimensions) {
    const y = doc.y;
    doc.fontSize(9).fillColor('#000').text(d.name, 48, y, { width: 240 });
    if (!d.others.suppressed && d.others.mean !== null) {
      const x = (v: number) => barX + ((v - 1) / 4) * barW;
      doc
        .rect(barX, y + 2, barW, 8)
        .fillColor('#eef1f5')
        .fill();
      doc
        .rect(barX, y + 2, x(d.others.mean) - barX, 8)
        .fillColor('#27496d')
        .fill();
      if (d.target !== null)
        doc
          .moveTo(x(d.target), y)
          .lineTo(x(d.target), y + 12)
          .strokeColor('#c0392b')
          .stroke();
      doc
        .fillColor('#000')
        .text(`${f(d.others.mean)} (${f(d.others.ciLow)}–${f(d.others.ciHigh)}) fit ${f(d.fit)}`, barX + barW + 6, y, { width: 120 });
    } else {
      doc.fillColor('#777').text('fewer responses than the anonymity threshold', barX, y, { width: 240 });
    }
    doc.moveDown(0.6);
  }
  const list = (title: string, items: string[]) => {
    doc.moveDown().fillColor('#000').fontSize(13).text(title, 48);
    doc.fontSize(10).text(items.length ? items.map((i) => `• ${i}`).join('\n') : 'None');
  };
  list(
    'Strengths',
    report.strengths.map((s) => `${s.name} (${f(s.others)})`),
  );
  list(
    'Development areas',
    report.developmentAreas.map((s) => `${s.name} (${f(s.others)})`),
  );
  list(
    'Blind spots (self clearly above others)',
    report.blindSpots.map((g) => `${g.name}: self ${f(g.self)}, others ${f(g.others)}`),
  );
  list(
    'Hidden strengths (self clearly below others)',
    report.hiddenStrengths.map((g) => `${g.name}: self ${f(g.self)}, others ${f(g.others)}`),
  );
  list(
    'Transition risks',
    report.transitionRisks.filter((r) => r.status === 'flagged').map((r) => `${r.name}: ${r.description}`),
  );
  list(
    'Readiness',
    report.readiness.map((r) => `${r.name}: ${r.status}`),
  );
  list(
    'Comments',
    report.comments.map((c) => c.text),
  );
  const item = (i: { text: string; others: number; n: number; ciLow: number | null; ciHigh: number | null }) =>
    `${i.text}: ${f(i.others)}${i.ciLow !== null ? ` (${f(i.ciLow)}–${f(i.ciHigh)})` : ''}, n ${i.n}`;
  list('Highest rated items (others mean, 95% interval)', report.highestItems.map(item));
  list('Lowest rated items (others mean, 95% interval)', report.lowestItems.map(item));
  list(
    'Every item (others mean, n; self − others)',
    report.items.map(
      (i) =>
        `${i.text}: ${i.others.suppressed ? 'not shown (too few answers)' : `${f(i.others.mean)}, n ${i.others.n}`}${i.gap !== null ? `; gap ${f(i.gap)}` : ''}`,
    ),
  );
  doc.end();
  return done;
}
