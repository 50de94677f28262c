import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../../test/render';
import { GroupBars } from './GroupBars';
import { radarData, ReportRadarChart } from './RadarChart';
import { StrengthsAndDevelopment } from './ReportSections';
import { ReadingGuide } from './ReportView';
import type { Report } from './types';
import type { DimensionScore, GroupScore } from './types';

const group = (g: GroupScore['group'], mean: number | null, n: number, ci?: [number, number]): GroupScore => ({
  group: g,
  n,
  mean,
  ciLow: ci?.[0] ?? null,
  ciHigh: ci?.[1] ?? null,
  sd: null,
  rwg: null,
  suppressed: mean == null,
  suppressionReason: mean == null ? 'below the anonymity threshold' : null,
});

const dimension = (id: string, name: string, others: number, self: number, target: number): DimensionScore => ({
  dimensionId: id,
  name,
  target,
  fit: others - target,
  gap: self - others,
  others: {
    n: 9,
    mean: others,
    ciLow: others - 0.3,
    ciHigh: others + 0.3,
    suppressed: false,
    suppressionReason: null,
    includes: ['manager', 'peer', 'direct_report'],
  },
  groups: [
    group('self', self, 1),
    group('manager', 4, 1),
    group('peer', 3.67, 3, [3.1, 4.23]),
    group('direct_report', 3.25, 4, [2.61, 3.89]),
    group('skip_level', null, 2),
  ],
});

const dimensions = [
  dimension('develops-leaders', 'Develops leaders', 3.4, 4.2, 4),
  dimension('alignment', 'Creates alignment', 4.6, 4, 3.7),
  dimension('leads-up', 'Leads up', 4.1, 4.5, 3.8),
];

describe('the radar chart', () => {
  it('draws three series — others, self and target — over every dimension', () => {
    const { container } = renderWithTheme(<ReportRadarChart dimensions={dimensions} width={560} height={420} />);
    const svg = container.querySelector('svg.recharts-surface');
    expect(svg).not.toBeNull();
    const series = container.querySelectorAll('.recharts-radar');
    expect(series).toHaveLength(3);
    const legend = container.querySelector('.recharts-legend-wrapper')!;
    expect(legend).toHaveTextContent('Others');
    expect(legend).toHaveTextContent('Self');
    expect(legend).toHaveTextContent('Target');
    const axis = container.querySelector('.recharts-polar-angle-axis')!;
    for (const d of dimensions) expect(axis.textContent.replace(/\s/g, '')).toContain(d.name.replace(/\s/g, ''));
    // Each series is a closed polygon through one point per dimension.
    for (const polygon of container.querySelectorAll('.recharts-radar-polygon path')) expect(polygon.getAttribute('d')).toMatch(/^M/);
  });

  it('keeps the figures for screen readers, and never plots a suppressed figure as a number', () => {
    const suppressed: DimensionScore = { ...dimensions[0], others: { ...dimensions[0].others, mean: null, suppressed: true } };
    expect(radarData([suppressed])[0]).toEqual({ dimension: 'Develops leaders', others: null, self: 4.2, target: 4 });
    renderWithTheme(<ReportRadarChart dimensions={[suppressed, ...dimensions.slice(1)]} width={560} height={420} />);
    const table = screen.getByRole('table', { name: 'Others, self and target per dimension' });
    const row = within(table).getByRole('row', { name: /Develops leaders/ });
    expect(row).toHaveTextContent('not shown');
    expect(within(table).getByRole('row', { name: /Creates alignment/ })).toHaveTextContent('4.60');
  });
});

describe('the rater-group bars', () => {
  it('shows each published group with its mean and 95% interval, and the target', () => {
    const { container } = renderWithTheme(<GroupBars dimension={dimensions[0]} threshold={3} />);
    const peers = screen.getByRole('img', { name: /^Peers: mean 3\.67, 95% interval 3\.10 to 4\.23, 3 responses/ });
    expect(peers).toBeInTheDocument();
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
    const { container } = renderWithTheme(<GroupBars dimension={dimensions[0]} threshold={3} />);
    const row = container.querySelector('[data-group="skip_level"]') as HTMLElement;
    expect(row).toHaveTextContent('fewer than 3 responses');
    expect(within(row).getByRole('img', { name: 'Skip-level: fewer than 3 responses, not shown' })).toBeInTheDocument();
    expect(row.textContent.replace('fewer than 3 responses', '')).not.toMatch(/\d/);
    expect(row.querySelector('.bar, .ci-whisker')).toBeNull();
  });
});

describe('figures that never contradict each other', () => {
  it('shows a ranked dimension as others, target and a difference that adds up from the shown figures', () => {
    const report = {
      strengthsByFit: [{ dimensionId: 'a', name: 'Leads up', others: 3.996, target: 3.8, fit: 0.196 }],
      developmentAreasByFit: [{ dimensionId: 'b', name: 'Develops leaders', others: 3.5549, target: 3.8, fit: -0.2451 }],
    } as unknown as Report;
    renderWithTheme(<StrengthsAndDevelopment report={report} />);
    expect(screen.getByText('Others 4.00 · target 3.80')).toBeInTheDocument();
    expect(screen.getByText('+0.20')).toBeInTheDocument();
    // 3.55 − 3.80 = −0.25 as shown: that is below target, and the chip says so by its colour band
    expect(screen.getByText('Others 3.55 · target 3.80')).toBeInTheDocument();
    expect(screen.getByText('−0.25')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/−\s*−|[−+-]0\.00/);
  });

  it('teaches the reader: interval, hidden groups, target and fit, signals', () => {
    renderWithTheme(<ReadingGuide threshold={3} />);
    const guide = screen.getByRole('region', { name: 'How to read this report' });
    for (const idea of ['95% interval', 'at least 3 people', 'Targets come from', 'signals']) expect(guide).toHaveTextContent(idea);
  });
});
