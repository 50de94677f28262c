import { FIT_COLOURS, SERIES_COLOURS, type Block, type Cell, type ReportDocument, type Section } from '@leaderscope/messages';
import PDFDocument from 'pdfkit';

/**
 * Draws a report description (`describeReport`, shared with the dashboard's screen) as an A4 PDF:
 * the same sections in the same order with the same figures and words, and the charts drawn as
 * vector graphics from the same data. Layout only — nothing here computes or words a figure.
 */

const MARGIN = 48;
const INK = '#111827';
const MUTED = '#4b5563';
const LINE = '#d1d5db';
const SOFT = '#f3f4f6';
/**
 * Inter as whole TrueType fonts (Google Fonts' build, shipped by `@expo-google-fonts/inter`):
 * Latin with its extensions, Greek, Cyrillic and Vietnamese, so names such as "Łukasz Żółć",
 * "Đorđe" or "Андрей" print as written. pdfkit embeds only the glyphs a report uses.
 */
const FONTS = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  semibold: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
};
const TONE_COLOURS = {
  positive: { color: '#d1fae5', text: '#065f46' },
  negative: { color: '#fee2e2', text: '#991b1b' },
  neutral: { color: '#e5e7eb', text: '#374151' },
};
const RISK_COLOURS = { flagged: TONE_COLOURS.negative, clear: TONE_COLOURS.positive, insufficient: TONE_COLOURS.neutral };
const READINESS_COLOURS = { ready: '#0f766e', developing: '#a16207', notYet: '#c2410c', insufficient: '#6b7280' };

type Doc = PDFKit.PDFDocument;

export function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: report.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('semibold', FONTS.semibold);
  doc.registerFont('bold', FONTS.bold);
  new Writer(doc).report(report);
  doc.end();
  return done;
}

class Writer {
  private readonly left = MARGIN;
  private readonly width: number;
  constructor(private readonly doc: Doc) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private text(
    text: string,
    options: {
      font?: keyof typeof FONTS;
      size?: number;
      color?: string;
      x?: number;
      width?: number;
      align?: 'left' | 'right' | 'center';
      gap?: number;
    } = {},
  ): void {
    const { font = 'regular', size = 10, color = INK, x = this.left, width = this.width, align = 'left', gap = 0 } = options;
    this.doc.font(font).fontSize(size).fillColor(color);
    this.room(this.doc.heightOfString(text, { width }) + gap);
    this.doc.text(text, x, this.doc.y, { width, align, lineGap: 1.5 });
    if (gap) this.doc.y += gap;
  }

  private heightOf(text: string, font: keyof typeof FONTS, size: number, width: number): number {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: 1.5 });
  }

  /** A rounded chip with its words, right-aligned at `right`. */
  private chip(text: string, right: number, y: number, colours: { color: string; text: string }): void {
    const doc = this.doc.font('semibold').fontSize(8.5);
    const w = doc.widthOfString(text) + 12;
    doc
      .roundedRect(right - w, y - 1, w, 14, 7)
      .fillColor(colours.color)
      .fill();
    doc.fillColor(colours.text).text(text, right - w + 6, y + 1.5, { width: w - 12, lineBreak: false });
  }

  report(report: ReportDocument): void {
    this.text(report.title, { font: 'bold', size: 20, gap: 4 });
    this.text(report.subtitle, { size: 10, color: MUTED, gap: 10 });
    this.guide(report);
    this.stats(report.stats);
    for (const section of report.sections) this.section(section, report.helpLabel);
  }

  private guide(report: ReportDocument): void {
    const { doc } = this;
    doc
      .moveTo(this.left, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .strokeColor(SERIES_COLOURS.others)
      .lineWidth(1.5)
      .stroke();
    doc.y += 8;
    const inner = { x: this.left, width: this.width };
    this.text(report.guide.title, { font: 'bold', size: 13, ...inner, gap: 4 });
    for (const part of report.guide.parts) {
      this.text(part.heading, { font: 'semibold', size: 9.5, ...inner, gap: 1 });
      this.text(part.text, { size: 9, ...inner, color: '#1f2937', gap: 6 });
    }
    doc.y += 8;
  }

  private stats(stats: ReportDocument['stats']): void {
    const { doc } = this;
    const gap = 8;
    const w = (this.width - gap * (stats.length - 1)) / stats.length;
    const h = 64;
    this.room(h + 12);
    const y = doc.y;
    stats.forEach((s, i) => {
      const x = this.left + i * (w + gap);
      doc.roundedRect(x, y, w, h, 6).strokeColor(LINE).lineWidth(0.8).stroke();
      doc
        .font('semibold')
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(s.label, x + 8, y + 8, { width: w - 16, lineBreak: false });
      doc
        .font('bold')
        .fontSize(18)
        .fillColor(INK)
        .text(s.value, x + 8, y + 20, { width: w - 16, lineBreak: false });
      if (s.band && s.bandLabel) this.chip(s.bandLabel, x + w - 8, y + 44, FIT_COLOURS[s.band]);
      else
        doc
          .font('regular')
          .fontSize(8)
          .fillColor(MUTED)
          .text(s.hint, x + 8, y + 45, { width: w - 16, lineBreak: false });
    });
    doc.y = y + h + 16;
  }

  private section(section: Section, helpLabel: string): void {
    const { doc } = this;
    // The heading stays with the start of its first block.
    const heading =
      24 +
      this.heightOf(section.title, 'bold', 14, this.width) +
      (section.description ? this.heightOf(section.description, 'regular', 9, this.width) : 0) +
      (section.help ? this.heightOf(`${helpLabel}: ${section.help}`, 'regular', 8.5, this.width) : 0);
    const first = section.blocks[0]?.kind;
    this.room(heading + (first === 'radar' ? 330 : first === 'groupBars' ? 150 : 70));
    doc
      .moveTo(this.left, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .strokeColor(LINE)
      .lineWidth(0.8)
      .stroke();
    doc.y += 8;
    this.text(section.title, { font: 'bold', size: 14, gap: 2 });
    if (section.description) this.text(section.description, { size: 9, color: MUTED, gap: 3 });
    if (section.help) this.text(`${helpLabel}: ${section.help}`, { size: 8.5, color: '#374151', gap: 6 });
    doc.y += 4;
    for (const block of section.blocks) this.block(block);
    doc.y += 14;
  }

  private block(block: Block): void {
    switch (block.kind) {
      case 'radar':
        return this.radar(block);
      case 'ranked':
        return this.ranked(block);
      case 'findings':
        this.room(70);
        this.text(block.title, { font: 'semibold', size: 11, gap: 1 });
        this.text(block.note, { size: 8.5, color: MUTED, gap: 3 });
        if (block.items.length === 0) this.text(block.empty, { size: 9, color: MUTED, gap: 8 });
        for (const item of block.items) {
          this.text(item.name, { font: 'semibold', size: 9.5 });
          this.text(item.detail, { size: 8.5, color: MUTED, gap: 4 });
        }
        this.doc.y += 6;
        return;
      case 'risks':
        return this.risks(block);
      case 'groupBars':
        return this.groupBars(block);
      case 'subheading':
        this.doc.y += 4;
        return this.text(block.text, { font: 'semibold', size: 10, gap: 2 });
      case 'bullets':
        for (const item of block.items) this.text(`• ${item.strong} — ${item.text}`, { size: 9, gap: 2 });
        return;
      case 'itemBars':
        return this.itemBars(block);
      case 'text':
        return this.text(block.text, { size: 9, color: block.muted ? MUTED : INK, gap: 6 });
      case 'table':
        return this.table(block);
      case 'readiness':
        return this.readiness(block);
      case 'comments':
        return this.comments(block);
    }
  }

  private radar(block: Extract<Block, { kind: 'radar' }>): void {
    const { doc } = this;
    const r = 100;
    this.room(2 * r + 100);
    const cx = this.left + this.width / 2;
    const cy = doc.y + r + 34;
    const n = block.axes.length;
    const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
    const point = (i: number, v: number) => {
      const k = (Math.min(5, Math.max(1, v)) - 1) / 4;
      return [cx + Math.cos(angle(i)) * r * k, cy + Math.sin(angle(i)) * r * k] as const;
    };
    // Grid: rings at 1..5 and spokes.
    for (let level = 2; level <= 5; level++) {
      block.axes.forEach((_, i) => {
        const [x, y] = point(i, level);
        if (i === 0) doc.moveTo(x, y);
        else doc.lineTo(x, y);
      });
      doc.closePath().strokeColor(LINE).lineWidth(0.6).stroke();
      const [, ly] = point(0, level);
      doc
        .font('regular')
        .fontSize(6.5)
        .fillColor('#6b7280')
        .text(String(level), cx + 2, ly - 3, { lineBreak: false });
    }
    block.axes.forEach((axis, i) => {
      const [x, y] = point(i, 5);
      doc.moveTo(cx, cy).lineTo(x, y).strokeColor(LINE).lineWidth(0.6).stroke();
      const lx = cx + Math.cos(angle(i)) * (r + 12);
      const ly = cy + Math.sin(angle(i)) * (r + 12);
      const w = 96;
      const cos = Math.cos(angle(i));
      const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
      const tx = align === 'center' ? lx - w / 2 : align === 'left' ? lx : lx - w;
      doc.font('regular').fontSize(7.5).fillColor('#374151');
      const h = doc.heightOfString(axis.label, { width: w });
      const ty = Math.sin(angle(i)) < -0.2 ? ly - h : Math.sin(angle(i)) > 0.2 ? ly : ly - h / 2;
      doc.text(axis.label, tx, ty, { width: w, align });
    });
    // Series: a suppressed figure is left out (the polygon joins the figures shown), never drawn as zero.
    const series = (key: 'target' | 'others' | 'self', colour: string, fillOpacity: number, dash: boolean) => {
      const pts = block.axes
        .map((a, i) => (a[key] == null ? null : point(i, a[key])))
        .filter((p): p is readonly [number, number] => p !== null);
      if (pts.length === 0) return;
      pts.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
      doc.closePath();
      if (dash) doc.dash(4, { space: 3 });
      if (fillOpacity > 0) doc.fillOpacity(fillOpacity).fillAndStroke(colour, colour);
      else doc.strokeColor(colour).stroke();
      doc.fillOpacity(1).undash();
      if (key !== 'target') for (const [x, y] of pts) doc.circle(x, y, 1.8).fillColor(colour).fill();
    };
    doc.lineWidth(1.2);
    series('target', SERIES_COLOURS.target, 0, true);
    doc.lineWidth(1.8);
    series('others', SERIES_COLOURS.others, 0.18, false);
    doc.lineWidth(1.4);
    series('self', SERIES_COLOURS.self, 0.06, false);
    // Legend.
    const legendY = cy + r + 24;
    let lx = cx - 110;
    for (const [key, label] of [
      ['others', block.legend.others],
      ['self', block.legend.self],
      ['target', block.legend.target],
    ] as const) {
      doc
        .moveTo(lx, legendY + 4)
        .lineTo(lx + 16, legendY + 4)
        .strokeColor(SERIES_COLOURS[key])
        .lineWidth(2);
      if (key === 'target') doc.dash(3, { space: 2 });
      doc.stroke().undash();
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(INK)
        .text(label, lx + 20, legendY, { lineBreak: false });
      lx += 80;
    }
    doc.x = this.left;
    doc.y = legendY + 18;
    // The figures behind the chart (the screen carries the same table for screen readers).
    this.table({
      kind: 'table',
      caption: block.tableCaption,
      minWidth: 0,
      columns: [
        { label: block.columns[0], align: 'left' },
        { label: block.columns[1], align: 'right' },
        { label: block.columns[2], align: 'right' },
        { label: block.columns[3], align: 'right' },
      ],
      rows: block.axes.map((a) => ({
        id: a.label,
        cells: [{ text: a.label }, { text: a.othersText }, { text: a.selfText }, { text: a.targetText }],
      })),
    });
  }

  private ranked(block: Extract<Block, { kind: 'ranked' }>): void {
    const { doc } = this;
    this.room(60);
    this.text(block.title, { font: 'semibold', size: 11, gap: 4 });
    if (block.items.length === 0) return this.text(block.empty, { size: 9, color: MUTED, gap: 8 });
    for (const item of block.items) {
      this.room(30);
      const y = doc.y;
      doc
        .circle(this.left + 9, y + 9, 9)
        .fillColor(block.tone === 'positive' ? '#dbeafe' : '#ffedd5')
        .fill();
      doc
        .font('bold')
        .fontSize(8.5)
        .fillColor(INK)
        .text(String(item.rank), this.left, y + 5, { width: 18, align: 'center', lineBreak: false });
      doc
        .font('semibold')
        .fontSize(9.5)
        .fillColor(INK)
        .text(item.name, this.left + 26, y, { width: this.width - 110, lineBreak: false });
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(item.detail, this.left + 26, y + 13, { width: this.width - 110, lineBreak: false });
      this.chip(item.chip, this.left + this.width, y + 5, FIT_COLOURS[item.band]);
      doc.y = y + 30;
    }
    doc.y += 6;
  }

  private risks(block: Extract<Block, { kind: 'risks' }>): void {
    const { doc } = this;
    if (block.items.length === 0) return this.text(block.empty, { size: 9, color: MUTED, gap: 8 });
    for (const risk of block.items) {
      const height =
        18 + this.heightOf(risk.description, 'regular', 9, this.width - 12) + this.heightOf(risk.detail, 'regular', 8.5, this.width - 12);
      this.room(height + 8);
      const y = doc.y;
      doc.rect(this.left, y, 3, height).fillColor(RISK_COLOURS[risk.status].text).fill();
      doc
        .font('semibold')
        .fontSize(10)
        .fillColor(INK)
        .text(risk.name, this.left + 12, y, { width: this.width - 100, lineBreak: false });
      this.chip(risk.statusLabel, this.left + this.width, y, RISK_COLOURS[risk.status]);
      doc.y = y + 16;
      this.text(risk.description, { size: 9, x: this.left + 12, width: this.width - 12, gap: 1 });
      this.text(risk.detail, { size: 8.5, color: MUTED, x: this.left + 12, width: this.width - 12, gap: 8 });
    }
  }

  private groupBars(block: Extract<Block, { kind: 'groupBars' }>): void {
    const { doc } = this;
    const labelW = 130;
    const valueW = 34;
    const trackX = this.left + labelW;
    const trackW = this.width - labelW - valueW - 6;
    const x = (v: number) => trackX + ((Math.min(5, Math.max(1, v)) - 1) / 4) * trackW;
    for (const d of block.dimensions) {
      const rowH = 15;
      this.room(40 + d.rows.length * rowH);
      let y = doc.y;
      doc
        .font('semibold')
        .fontSize(10)
        .fillColor(INK)
        .text(d.name, this.left, y, { width: this.width - 200, lineBreak: false });
      const chipW = doc.font('semibold').fontSize(8.5).widthOfString(d.chip) + 12;
      this.chip(d.chip, this.left + this.width, y, FIT_COLOURS[d.band]);
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(`${d.targetText} ·`, this.left + this.width - chipW - 104, y + 1.5, { width: 100, align: 'right', lineBreak: false });
      y += 17;
      for (const t of [1, 2, 3, 4, 5])
        doc
          .font('regular')
          .fontSize(7)
          .fillColor('#6b7280')
          .text(String(t), x(t) - 5, y, { width: 10, align: 'center', lineBreak: false });
      y += 10;
      for (const row of d.rows) {
        doc
          .font(row.pooled ? 'semibold' : 'regular')
          .fontSize(8.5)
          .fillColor(INK)
          .text(row.label, this.left, y + 2, { width: labelW - 36, lineBreak: false });
        if (row.nText)
          doc
            .font('regular')
            .fontSize(8)
            .fillColor(MUTED)
            .text(row.nText, this.left + labelW - 36, y + 2.5, { width: 32, align: 'right', lineBreak: false });
        doc
          .rect(trackX, y + 1, trackW, 12)
          .fillColor(SOFT)
          .fill();
        if (row.mean == null) {
          doc
            .font('regular')
            .fontSize(8)
            .fillColor(MUTED)
            .text(row.suppressedText ?? '', trackX + 6, y + 3, { width: trackW - 12, lineBreak: false });
        } else {
          const colour =
            row.series === 'self'
              ? SERIES_COLOURS.self
              : row.series === 'others'
                ? d.band === 'near'
                  ? '#6b6558'
                  : FIT_COLOURS[d.band].color
                : SERIES_COLOURS.others;
          doc
            .rect(trackX, y + 3.5, x(row.mean) - trackX, 7)
            .fillColor(colour)
            .fillOpacity(row.pooled ? 0.95 : 0.8)
            .fill()
            .fillOpacity(1);
          if (row.ciLow != null && row.ciHigh != null) {
            doc.lineWidth(1).strokeColor(INK);
            doc
              .moveTo(x(row.ciLow), y + 7)
              .lineTo(x(row.ciHigh), y + 7)
              .stroke();
            doc
              .moveTo(x(row.ciLow), y + 3.5)
              .lineTo(x(row.ciLow), y + 10.5)
              .stroke();
            doc
              .moveTo(x(row.ciHigh), y + 3.5)
              .lineTo(x(row.ciHigh), y + 10.5)
              .stroke();
          }
          doc
            .font('semibold')
            .fontSize(8.5)
            .fillColor(INK)
            .text(row.valueText, trackX + trackW + 4, y + 2, { width: valueW, align: 'right', lineBreak: false });
        }
        if (d.target != null) {
          doc
            .moveTo(x(d.target), y)
            .lineTo(x(d.target), y + 14)
            .dash(2, { space: 2 })
            .lineWidth(0.9)
            .strokeColor(INK)
            .stroke()
            .undash();
        }
        y += rowH;
      }
      doc.x = this.left;
      doc.y = y + 10;
    }
  }

  private itemBars(block: Extract<Block, { kind: 'itemBars' }>): void {
    const { doc } = this;
    this.text(block.title, { font: 'semibold', size: 11, gap: 4 });
    if (block.items.length === 0) return this.text(block.empty, { size: 9, color: MUTED, gap: 8 });
    const labelW = 210;
    const valueW = 34;
    const trackX = this.left + labelW + 8;
    const trackW = this.width - labelW - valueW - 14;
    const x = (v: number) => trackX + ((Math.min(5, Math.max(1, v)) - 1) / 4) * trackW;
    for (const item of block.items) {
      const h = Math.max(16, this.heightOf(item.label, 'regular', 8.5, labelW)) + 6;
      this.room(h);
      const y = doc.y;
      doc.font('regular').fontSize(8.5).fillColor(INK).text(item.label, this.left, y, { width: labelW, lineGap: 1.5 });
      doc.rect(trackX, y, trackW, 12).fillColor(SOFT).fill();
      doc
        .rect(trackX, y + 2, x(item.mean) - trackX, 8)
        .fillColor(SERIES_COLOURS.others)
        .fill();
      if (item.ciLow != null && item.ciHigh != null) {
        doc.lineWidth(1).strokeColor(INK);
        doc
          .moveTo(x(item.ciLow), y + 6)
          .lineTo(x(item.ciHigh), y + 6)
          .stroke();
        doc
          .moveTo(x(item.ciLow), y + 2)
          .lineTo(x(item.ciLow), y + 10)
          .stroke();
        doc
          .moveTo(x(item.ciHigh), y + 2)
          .lineTo(x(item.ciHigh), y + 10)
          .stroke();
      }
      doc
        .font('semibold')
        .fontSize(8.5)
        .fillColor(INK)
        .text(item.valueText, trackX + trackW + 4, y + 1.5, { width: valueW, align: 'right', lineBreak: false });
      doc.x = this.left;
      doc.y = y + h;
    }
    doc.y += 8;
  }

  /**
   * A table whose columns share the width by their content; cells wrap, nothing runs past the margin.
   * A cell's detail ("3.10–4.23 · n=3") is a second, smaller line under its text.
   */
  private table(block: Extract<Block, { kind: 'table' }>): void {
    const { doc } = this;
    const pad = 4;
    const size = 8.5;
    const detailSize = 7.5;
    // Each column's natural width (its longest text on one line) and its narrowest (a short text —
    // a figure, "not shown", a group's name — kept whole; a longer one broken only between words).
    const WHOLE = 90;
    const measure = (text: string, font: keyof typeof FONTS, fontSize: number) => {
      doc.font(font).fontSize(fontSize);
      const max = doc.widthOfString(text);
      const min = max <= WHOLE ? max : Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
      return { max, min };
    };
    const natural = block.columns.map((c, i) => {
      const sizes = [measure(c.label, 'semibold', size)];
      for (const row of block.rows) {
        const cell = row.cells[i];
        if (!cell) continue;
        sizes.push(measure(cell.text, c.rowHeader ? 'semibold' : 'regular', size));
        if (cell.detail) sizes.push(measure(cell.detail, 'regular', detailSize));
      }
      return { max: Math.max(...sizes.map((x) => x.max)) + 2 * pad, min: Math.max(...sizes.map((x) => x.min)) + 2 * pad };
    });
    const sumOf = (list: number[]) => list.reduce((a, b) => a + b, 0);
    const maxW = sumOf(natural.map((n) => n.max));
    const minW = sumOf(natural.map((n) => n.min));
    let widths: number[];
    if (maxW <= this.width) {
      // Room to spare goes to the first column (the dimension or item).
      widths = natural.map((n, i) => (i === 0 ? n.max + this.width - maxW : n.max));
    } else if (minW <= this.width) {
      // Every column gets its narrowest width; what is left goes to those that would wrap, in
      // proportion to how much more they need (long texts, such as the item, take most of it).
      const share = (this.width - minW) / (maxW - minW);
      widths = natural.map((n) => n.min + (n.max - n.min) * share);
    } else {
      // More columns than the page holds whole: all narrow in proportion (words may break).
      widths = natural.map((n) => (n.min * this.width) / minW);
    }
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const rowHeight = (cells: { text: string; font: keyof typeof FONTS; detail?: string }[]) =>
      Math.max(
        ...cells.map(
          (c, i) =>
            this.heightOf(c.text, c.font, size, widths[i] - 2 * pad) +
            (c.detail ? 1 + this.heightOf(c.detail, 'regular', detailSize, widths[i] - 2 * pad) : 0),
        ),
      ) +
      2 * pad;
    const header = () => {
      const cells = block.columns.map((c) => ({ text: c.label, font: 'semibold' as const }));
      const h = rowHeight(cells);
      const y = doc.y;
      block.columns.forEach((c, i) =>
        doc
          .font('semibold')
          .fontSize(size)
          .fillColor(INK)
          .text(c.label, xs[i] + pad, y + pad, { width: widths[i] - 2 * pad, align: c.align, lineGap: 1.5 }),
      );
      doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .strokeColor('#9ca3af')
        .lineWidth(0.8)
        .stroke();
      doc.y = y + h;
    };
    this.room(40);
    header();
    block.rows.forEach((row, r) => {
      const cells = row.cells.map((c, i) => ({
        text: c.text,
        detail: c.detail,
        font: block.columns[i]?.rowHeader ? ('semibold' as const) : ('regular' as const),
      }));
      const h = rowHeight(cells);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      if (r % 2 === 1) doc.rect(this.left, y, this.width, h).fillColor('#f9fafb').fill();
      row.cells.forEach((cell: Cell, i) => {
        const colour = cell.badge
          ? TONE_COLOURS[cell.badge].text
          : cell.trend === 'up'
            ? '#2166ac'
            : cell.trend === 'down'
              ? '#b2182b'
              : cell.muted
                ? MUTED
                : INK;
        doc
          .font(cells[i].font)
          .fontSize(size)
          .fillColor(colour)
          .text(cell.text, xs[i] + pad, y + pad, { width: widths[i] - 2 * pad, align: block.columns[i]?.align ?? 'left', lineGap: 1.5 });
        if (cell.detail)
          doc
            .font('regular')
            .fontSize(detailSize)
            .fillColor(MUTED)
            .text(cell.detail, xs[i] + pad, y + pad + this.heightOf(cell.text, cells[i].font, size, widths[i] - 2 * pad) + 1, {
              width: widths[i] - 2 * pad,
              align: block.columns[i]?.align ?? 'left',
              lineGap: 1.5,
            });
      });
      doc.y = y + h;
    });
    doc.x = this.left;
    doc.y += 8;
  }

  private readiness(block: Extract<Block, { kind: 'readiness' }>): void {
    const { doc } = this;
    if (block.items.length === 0) return this.text(block.empty, { size: 9, color: MUTED, gap: 8 });
    for (const item of block.items) {
      this.room(46);
      const y = doc.y;
      doc
        .font('semibold')
        .fontSize(10)
        .fillColor(INK)
        .text(item.name, this.left, y, { width: this.width - 120, lineBreak: false });
      this.chip(item.statusLabel, this.left + this.width, y, { color: '#f3f4f6', text: READINESS_COLOURS[item.status] });
      doc
        .roundedRect(this.left, y + 17, this.width, 6, 3)
        .fillColor('#e5e7eb')
        .fill();
      if (item.share > 0)
        doc
          .roundedRect(this.left, y + 17, this.width * Math.min(1, item.share), 6, 3)
          .fillColor(READINESS_COLOURS[item.status])
          .fill();
      doc.y = y + 28;
      this.text(item.detail, { size: 8.5, color: MUTED, gap: 8 });
    }
  }

  private comments(block: Extract<Block, { kind: 'comments' }>): void {
    if (block.groups.length === 0) return this.text(block.empty, { size: 9, color: MUTED, gap: 8 });
    for (const group of block.groups) {
      this.text(group.title, { font: 'semibold', size: 10, gap: 3 });
      for (const c of group.comments) {
        this.text(`“${c.text}”`, { size: 9, x: this.left + 10, width: this.width - 10 });
        this.text(c.group, { size: 8, color: MUTED, x: this.left + 10, width: this.width - 10, gap: 5 });
      }
      this.doc.y += 4;
    }
  }
}
