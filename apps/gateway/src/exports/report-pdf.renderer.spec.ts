import { createIntl } from '@formatjs/intl';
import { describeReport, figuresIn, visibleText } from '@leaderscope/messages';
import { sampleReport } from '@leaderscope/messages/src/report/sample-report';
import { pdfText, type PdfPageText } from '@leaderscope/testing';
import { renderReportPdf } from './report-pdf.renderer';

const intl = createIntl({ locale: 'en', defaultLocale: 'en', timeZone: 'UTC' });
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the report PDF is drawn from the report description the screen shows', () => {
  const document = describeReport(sampleReport, { threshold: 3, profileName: 'Leader of leaders' }, intl);
  let pages: PdfPageText[];
  let text: string;

  beforeAll(async () => {
    pages = await pdfText(await renderReportPdf(document));
    text = pages.flatMap((p) => p.lines).join('\n');
  });

  it('prints every word and figure of the description, the reading guide included', () => {
    const all = squash(text);
    const missing = visibleText(document).filter((t) => !all.includes(squash(t)));
    // Long table cells wrap beside other cells, so they are checked word by word.
    const reallyMissing = missing.filter((t) => !t.split(/\s+/).every((word) => all.includes(squash(word))));
    expect(reallyMissing).toEqual([]);
    expect(text).toContain('How to read this report');
    expect(text).toContain('at least 3 people');
    // The trend's comparability note: the group mix per dimension (the sample's two dimensions differ).
    expect(all).toContain(squash('Raters counted in others, by dimension:'));
    expect(all).toContain(
      squash('before: Manager 1, Peers 4, 3 raters of smaller groups merged in; now: Manager 1, Peers 4, Direct reports 4'),
    );
  });

  it('has the sections in the screen’s order, and the same figures', () => {
    const titles = document.sections.map((s) => s.title);
    expect(titles).toEqual([
      'Profile at a glance',
      'Strengths and development areas',
      'How you see yourself',
      'Transition risks',
      'By rater group',
      'Highest and lowest rated items',
      'Compared with other leaders',
      'Change since the previous cycle',
      'Readiness for other roles',
      'Comments',
      'Every item',
    ]);
    const lines = pages.flatMap((p) => p.lines);
    const at = titles.map((t) => lines.findIndex((l) => l === t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Every figure the description shows is printed at least as often (the chart's figure table repeats some).
    const printed = figuresIn(lines);
    const count = (list: string[]) => list.reduce((m, f) => m.set(f, (m.get(f) ?? 0) + 1), new Map<string, number>());
    const inPdf = count(printed);
    const short = [...count(figuresIn(visibleText(document)))].filter(([figure, n]) => (inPdf.get(figure) ?? 0) < n);
    expect(short).toEqual([]);
    // Strengths are ranked by fit, as on the screen: 4.60 − 3.70 = +0.90 first.
    expect(text.indexOf('+0.90')).toBeLessThan(text.indexOf('+0.30'));
  });

  it('prints no internal words and nothing past the right margin', () => {
    for (const word of [
      'not-yet',
      'insufficient-data',
      'no-clear-change',
      'report version',
      '· published',
      'visibility',
      'direct_report',
      'skip_level',
      'undefined',
      'NaN',
      '− −',
      '−0.00',
    ])
      expect(text).not.toContain(word);
    expect(text).toContain('Not yet');
    for (const page of pages) expect(page.right).toBeLessThanOrEqual(page.width - 48 + 0.5);
  });

  it('draws the charts as vector graphics from the same data', async () => {
    const raw = (await renderReportPdf(document)).toString('latin1');
    expect(pages.length).toBeGreaterThan(1);
    // pdfkit compresses page content; the chart is there as drawing operators, not an image.
    expect(raw).not.toContain('/Subtype /Image');
    expect(text).toContain('fewer than 3 responses');
    expect(text).toContain('Others (combined)');
  });
});

describe('the report PDF prints names and comments in any European script', () => {
  it('keeps Polish, Serbian, Greek, Cyrillic and Vietnamese letters as written', async () => {
    const names = ['Łukasz Żółć', 'Ωmega Παπαδοπούλου', 'Đorđe Šćepanović', 'Андрей Сергеевич', 'Nguyễn Thị Ánh'];
    const report = {
      ...sampleReport,
      subject: { ...sampleReport.subject, name: names[0] },
      comments: names
        .slice(1)
        .map((name, i) => ({ dimensionId: i % 2 ? null : 'alignment', group: 'peer', text: `${name} — «ça va», 1–2 ‰.` })),
    };
    const described = describeReport(report, { threshold: 3, profileName: 'Leader of leaders' }, intl);
    const printed = (await pdfText(await renderReportPdf(described))).flatMap((p) => p.lines).join('\n');
    for (const name of names) expect(printed).toContain(name);
    expect(printed).toContain('«ça va», 1–2 ‰.');
    // Nothing the font lacks is replaced by a box or dropped.
    expect(printed).not.toMatch(/[\uFFFD\u25A1]/);
  });
});
