import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../../test/render';
import { ReliabilityView } from './ReliabilityPanel';

const base = {
  __typename: 'CycleReliability' as const,
  cycleId: 'c1',
  target: 0.7,
  norms: [],
  projection: [
    {
      subject: { id: 's1', name: 'Ada Lovelace' },
      groups: [
        {
          group: 'peer',
          invited: 3,
          singleRater: 0.37,
          source: 'published',
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
          singleRater: 0.3,
          source: 'published',
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
  it('before scoring: lists each invited group with its projection and warns about groups at the threshold', () => {
    renderWithTheme(<ReliabilityView reliability={{ ...base, scoredAt: null, subjectCount: null, alpha: [], groups: [] }} />);
    expect(screen.getByText('1 group(s) at risk of being hidden')).toBeTruthy();
    expect(screen.getByText(/Ada Lovelace: exactly 3 peer raters invited/)).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('0.64')).toBeTruthy();
    expect(within(rows[0]).getByText('exactly at threshold')).toBeTruthy();
    expect(within(rows[0]).getByText('below target')).toBeTruthy();
    expect(within(rows[1]).getByText('0.75')).toBeTruthy();
    expect(screen.getByText('Measured once the cycle is closed and scored.')).toBeTruthy();
  });

  it('after scoring: shows alpha per dimension and ICC per group', () => {
    renderWithTheme(
      <ReliabilityView
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
    expect(screen.getAllByText('0.64', { selector: 'td' })).toHaveLength(2); // peers' projection and their measured ICC(k)
  });

  it('writes a negative ICC with a true minus and the same rounding as every other figure', () => {
    renderWithTheme(
      <ReliabilityView
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
