import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithTheme } from '../../test/render';
import { ReliabilityView, type ProjectionList } from './ReliabilityPanel';

const base = {
  __typename: 'CycleReliability' as const,
  cycleId: 'c1',
  target: 0.7,
  norms: [],
  projectedSubjects: 1,
  atRiskSubjects: 1,
};
const projection: ProjectionList = {
  totalCount: 1,
  hasNextPage: false,
  loadingMore: false,
  onLoadMore: () => undefined,
  atRiskOnly: false,
  onAtRiskOnly: () => undefined,
  rows: [
    {
      subject: { id: 's1', name: 'Ada Lovelace' },
      groups: [
        {
          group: 'peer',
          invited: 3,
          sourceNote: 'Conway & Huffcutt (1997): peers .37',
          projected: 1.11 / 1.74,
          ratersForTarget: 4,
          warnings: [
            { code: 'exactly-threshold', message: 'exactly 3 peer raters invited: one non-response hides this group' },
            { code: 'below-target', message: 'projected reliability 0.64 is below 0.70' },
          ],
        },
        {
          group: 'direct_report',
          invited: 7,
          sourceNote: 'Conway & Huffcutt (1997): subordinates .30',
          projected: 0.75,
          ratersForTarget: 6,
          warnings: [],
        },
      ],
    },
  ],
};

describe('the reliability page', () => {
  it('before scoring: lists each leader with every invited group, its projection and its warnings', () => {
    const onAtRiskOnly = vi.fn();
    renderWithTheme(
      <ReliabilityView
        reliability={{ ...base, scoredAt: null, subjectCount: null, alpha: [], groups: [] }}
        projection={{ ...projection, onAtRiskOnly }}
      />,
    );
    expect(screen.getByText('1 leader has a group at risk of being hidden')).toBeTruthy();
    expect(screen.getByText(/Ada Lovelace: exactly 3 peer raters invited/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Projected reliability per leader and rater group' });
    expect(table.getAttribute('aria-rowcount')).toBe('2'); // the header and one leader, over all pages
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(rows[0]).getByText('0.64')).toBeTruthy();
    expect(within(rows[0]).getByText('0.75')).toBeTruthy();
    expect(within(rows[0]).getByText('exactly at threshold')).toBeTruthy();
    expect(within(rows[0]).getByText('below target')).toBeTruthy();
    expect(screen.getByText('Measured once the cycle is closed and scored.')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Only leaders with a group at risk' }));
    expect(onAtRiskOnly).toHaveBeenCalledWith(true);
  });

  it('says so when no leader is at risk and only those are asked for', () => {
    renderWithTheme(
      <ReliabilityView
        reliability={{ ...base, atRiskSubjects: 0, scoredAt: null, subjectCount: null, alpha: [], groups: [] }}
        projection={{ ...projection, rows: [], totalCount: 0, atRiskOnly: true }}
      />,
    );
    expect(screen.queryByText(/at risk of being hidden/)).toBeNull();
    expect(screen.getByText('No leader has a group at risk.')).toBeTruthy();
  });

  it('after scoring: shows alpha per dimension and ICC per group', () => {
    renderWithTheme(
      <ReliabilityView
        projection={projection}
        reliability={{
          ...base,
          scoredAt: '2026-11-29T00:00:00Z',
          subjectCount: 12,
          alpha: [{ name: 'Alignment', alpha: 0.81 }],
          groups: [{ group: 'peer', icc1: 0.31, icck: 0.64, subjects: 12 }],
        }}
      />,
    );
    expect(screen.getByRole('img', { name: /Cronbach's alpha per dimension: Alignment 0.81/ })).toBeTruthy();
    expect(screen.getByText('0.31')).toBeTruthy();
    expect(screen.getAllByText('0.64')).toHaveLength(2); // peers' projection and their measured ICC(k)
  });

  it('writes a negative ICC with a true minus and the same rounding as every other figure', () => {
    renderWithTheme(
      <ReliabilityView
        projection={projection}
        reliability={{
          ...base,
          scoredAt: '2026-11-29T00:00:00Z',
          subjectCount: 12,
          alpha: [{ name: 'Alignment', alpha: 0.805 }],
          groups: [{ group: 'direct_report', icc1: -0.046, icck: -0.004, subjects: 12 }],
        }}
      />,
    );
    expect(screen.getByText('−0.05', { selector: 'td' })).toBeTruthy();
    // −0.004 is shown as 0.00, never "−0.00" or "-0.00"
    expect(screen.getByText('0.00', { selector: 'td' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Alignment 0\.81/ })).toBeTruthy();
    const cells = screen
      .getAllByRole('cell')
      .map((c) => c.textContent)
      .join(' ');
    expect(cells).not.toMatch(/-0\.|−0\.00/);
  });
});
