import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HeatmapFieldsFragment } from '../../gql/graphql';
import { renderWithTheme } from '../../test/render';
import { Heatmap } from './Heatmap';

const row = (name: string, fit: number, suppressed = false) => ({
  subject: { id: name, name, title: null, department: 'Ops' },
  overallFit: fit,
  responseCount: 9,
  cells: [{ dimensionId: 'd1', mean: 3.5, fit, suppressed }],
});

const heatmap: HeatmapFieldsFragment = {
  cycleId: 'c1',
  dimensions: [{ id: 'd1', name: 'Develops leaders' }],
  rows: [row('Ada Below', -0.249), row('Ben Near', -0.244), row('Cy Well Below', -0.9), row('Di Hidden', -0.9, true)],
};

describe('Heatmap', () => {
  it('calls a cell below target from the figure it shows, in the filter as in its colour and words', async () => {
    renderWithTheme(
      <MemoryRouter>
        <Heatmap heatmap={heatmap} reportLink={(id) => `/r/${id}`} />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Organisation heatmap' });
    const cell = (name: string) => within(table).getByText(name).closest('tr')!;
    // −0.249 is shown as −0.25 and labelled below target; −0.244 as −0.24, near target.
    expect(cell('Ada Below')).toHaveTextContent('−0.25');
    expect(within(cell('Ada Below')).getAllByLabelText(/below target/i).length).toBeGreaterThan(0);
    expect(cell('Ben Near')).toHaveTextContent('−0.24');
    await userEvent.click(screen.getByRole('switch', { name: 'Only leaders below target' }));
    const names = within(table)
      .getAllByRole('link')
      .map((a) => a.textContent);
    // The −0.25 shown is below target, so it stays; a hidden cell is not called below target.
    expect(names).toEqual(['Ada Below', 'Cy Well Below']);
  });
});
