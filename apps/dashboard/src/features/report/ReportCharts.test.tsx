import { createIntl } from '@formatjs/intl';
import { describeReport, figuresIn, visibleText, type ReportData } from '@leaderscope/messages/src/report';
import { sampleReport } from '@leaderscope/messages/src/report/sample-report';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../../test/render';
import { GroupBars } from './GroupBars';
import { ReportRadarChart } from './RadarChart';
import { ReadingGuide, ReportSection } from './ReportBlocks';
import { ReportView } from './ReportView';

const intl = createIntl({ locale: 'en', defaultLocale: 'en', timeZone: 'UTC' });
const describe3 = (report: ReportData) => describeReport(report, { threshold: 3, profileName: 'Leader of leaders' }, intl);
const document3 = describe3(sampleReport);
const radar = document3.sections[0].blocks[0];
const groups = document3.sections.find((s) => s.id === 'sec-groups')!.blocks[0];
if (radar.kind !== 'radar' || groups.kind !== 'groupBars') throw new Error('unexpected report description');

describe('the report screen draws the report description (the PDF draws the same)', () => {
  it('shows every word and figure of the description, sections in its order', () => {
    const { container } = renderWithTheme(<ReportView document={document3} />);
    const page = (container.textContent ?? '').replace(/\s+/g, '');
    // (The subtitle is in the page header, which ReportScreen draws around the view.)
    const missing = visibleText(document3)
      .filter((t) => t !== document3.subtitle)
      .filter((t) => !page.includes(t.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
    const ids = [...container.querySelectorAll('section[data-section]')].map((s) => s.getAttribute('data-section'));
    expect(ids).toEqual(document3.sections.map((s) => s.id));
    expect(figuresIn([container.textContent ?? '']).length).toBeGreaterThanOrEqual(figuresIn(visibleText(document3)).length);
  });
});

describe('every item, by rater group', () => {
  it('shows each published group’s mean with its interval and n, and “not shown” with the reason for a hidden group', () => {
    const items = document3.sections.find((s) => s.id === 'sec-all-items')!;
    renderWithTheme(<ReportSection section={items} helpLabel={document3.helpLabel} />);
    const table = screen.getByRole('table', { name: 'Every item by rater group: average, 95% interval and n' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Item', 'Manager', 'Peers', 'Direct reports', 'Skip-level']);
    const row = within(table).getByRole('row', { name: /Gives team leads room to decide/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[2]).toHaveTextContent('3.332.46–4.21 · n=3');
    expect(cells[2]).toHaveAttribute('title', 'Peers: mean 3.33, 95% interval 2.46 to 4.21, 3 responses');
    expect(cells[1]).toHaveTextContent('3.00n=1');
    expect(cells[3]).toHaveTextContent('not shownnot all answered the same items');
    expect(within(cells[3]).getByTitle(/Direct reports: not shown, because they did not all answer the same items/)).toBeInTheDocument();
    expect(cells[4]).toHaveTextContent('not shownfewer than 3 answered');
    // A hidden group shows no figure and no count.
    for (const hidden of [cells[3], cells[4]]) expect(hidden.textContent.replace('fewer than 3', '')).not.toMatch(/\d/);
    // The section says how to read it: why an item or a group may be hidden.
    const section = screen.getByRole('region', { name: 'Every item' });
    expect(within(section).getByText(/A hidden figure protects the raters/)).toBeInTheDocument();
  });
});

describe('the radar chart', () => {
  it('draws three series — others, self and target — over every dimension', () => {
    const { container } = renderWithTheme(<ReportRadarChart block={radar} width={560} height={420} />);
    expect(container.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(container.querySelectorAll('.recharts-radar')).toHaveLength(3);
    const legend = container.querySelector('.recharts-legend-wrapper')!;
    for (const name of ['Others', 'Self', 'Target']) expect(legend).toHaveTextContent(name);
    const axis = container.querySelector('.recharts-polar-angle-axis')!;
    for (const a of radar.axes) expect(axis.textContent.replace(/\s/g, '')).toContain(a.label.replace(/\s/g, ''));
    for (const polygon of container.querySelectorAll('.recharts-radar-polygon path')) expect(polygon.getAttribute('d')).toMatch(/^M/);
  });

  it('keeps the figures for screen readers, and never plots a suppressed figure as a number', () => {
    const hidden = describe3({
      ...sampleReport,
      dimensions: [
        { ...sampleReport.dimensions[0], others: { ...sampleReport.dimensions[0].others, mean: null, suppressed: true } },
        ...sampleReport.dimensions.slice(1),
      ],
    }).sections[0].blocks[0];
    if (hidden.kind !== 'radar') throw new Error('no radar');
    expect(hidden.axes[0]).toMatchObject({ label: 'Develops leaders', others: null, self: 4.2, target: 4 });
    renderWithTheme(<ReportRadarChart block={hidden} width={560} height={420} />);
    const table = screen.getByRole('table', { name: 'Others, self and target per dimension' });
    expect(within(table).getByRole('row', { name: /Develops leaders/ })).toHaveTextContent('not shown');
    expect(within(table).getByRole('row', { name: /Creates alignment/ })).toHaveTextContent('4.60');
  });
});

describe('the rater-group bars', () => {
  it('shows each published group with its mean and 95% interval, and the target', () => {
    const { container } = renderWithTheme(<GroupBars dimension={groups.dimensions[0]} />);
    expect(screen.getByRole('img', { name: /^Peers: mean 3\.67, 95% interval 3\.10 to 4\.23, 3 responses/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Direct reports: mean 3\.25, 95% interval 2\.61 to 3\.89, 4 responses/ })).toBeInTheDocument();
    const whisker = container.querySelector('[data-group="peer"] .ci-whisker')!;
    expect(whisker.getAttribute('data-low')).toBe('3.1');
    expect(whisker.getAttribute('data-high')).toBe('4.23');
    // the whisker spans the interval on the 1–5 axis: (3.1−1)/4 = 52.5% to (4.23−1)/4 = 80.75%
    const line = whisker.querySelector('line')!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(52.5);
    expect(Number(line.getAttribute('x2'))).toBeCloseTo(80.75);
    expect(container.querySelectorAll('.target-line').length).toBeGreaterThan(0);
    expect(screen.getByText('Target 4.00', { exact: false })).toBeInTheDocument();
  });

  it('shows a suppressed group as "fewer than N responses" with no number at all', () => {
    const { container } = renderWithTheme(<GroupBars dimension={groups.dimensions[0]} />);
    const row = container.querySelector('[data-group="skip_level"]') as HTMLElement;
    expect(row).toHaveTextContent('fewer than 3 responses');
    expect(within(row).getByRole('img', { name: 'Skip-level: fewer than 3 responses, not shown' })).toBeInTheDocument();
    expect(row.textContent.replace('fewer than 3 responses', '')).not.toMatch(/\d/);
    expect(row.querySelector('.bar, .ci-whisker')).toBeNull();
  });
});

describe('figures that never contradict each other', () => {
  it('shows a ranked dimension as others, target and a difference that adds up from the shown figures', () => {
    const ranked = describe3({
      ...sampleReport,
      strengthsByFit: [{ dimensionId: 'a', name: 'Leads up', others: 3.996, target: 3.8, fit: 0.196 }],
      developmentAreasByFit: [{ dimensionId: 'b', name: 'Develops leaders', others: 3.5549, target: 3.8, fit: -0.2451 }],
    }).sections[1];
    renderWithTheme(<ReportView document={{ ...document3, sections: [document3.sections[0], ranked] }} />);
    expect(screen.getByText('Others 4.00 · target 3.80')).toBeInTheDocument();
    expect(screen.getByText('+0.20')).toBeInTheDocument();
    // 3.55 − 3.80 = −0.25 as shown: that is below target, and the chip says so by its colour band
    expect(screen.getByText('Others 3.55 · target 3.80')).toBeInTheDocument();
    expect(screen.getByText('−0.25')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/−\s*−|[−+-]0\.00/);
  });

  it('teaches the reader: interval, hidden groups, target and fit, signals', () => {
    renderWithTheme(<ReadingGuide guide={document3.guide} />);
    const guide = screen.getByRole('region', { name: 'How to read this report' });
    for (const idea of ['95% interval', 'at least 3 people', 'Targets come from', 'signals']) expect(guide).toHaveTextContent(idea);
  });
});
