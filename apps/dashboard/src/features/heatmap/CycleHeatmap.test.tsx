import { MockedProvider } from '@apollo/client/testing/react';
import { InMemoryCache } from '@apollo/client';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { I18nProvider } from '../../app/i18n';
import { theme } from '../../app/theme';
import { CycleHeatmap } from './CycleHeatmap';
import { CYCLE_HEATMAP } from './operations';

const row = (i: number) => ({
  __typename: 'HeatmapRow',
  subject: { __typename: 'Person', id: `s${i}`, name: `Leader ${i}`, title: null, department: 'Ops' },
  overallFit: 0.1,
  responseCount: 12,
  cells: [{ __typename: 'HeatmapCell', dimensionId: 'd1', mean: 3.5, fit: 0.1, suppressed: false }],
});
const page = (rows: number[], endCursor: string, hasNextPage: boolean) => ({
  cycleHeatmap: {
    __typename: 'Heatmap',
    cycleId: 'c1',
    dimensions: [{ __typename: 'HeatmapDimension', id: 'd1', name: 'Develops leaders' }],
    rows: rows.map(row),
    totalCount: 3,
    pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
  },
});

describe('CycleHeatmap', () => {
  it('asks the server for a page, then for the next as the end of the rows comes into view, and appends it', async () => {
    const asked: Record<string, unknown>[] = [];
    const matcher = (expectAfter: string | undefined) => (variables: Record<string, unknown>) => {
      asked.push(variables);
      return variables.after === expectAfter && variables.first === 100 && (variables.sort as { by: string }).by === 'NAME';
    };
    const mocks = [
      { request: { query: CYCLE_HEATMAP, variables: matcher(undefined) }, result: { data: page([1, 2], 'cursor-2', true) } },
      { request: { query: CYCLE_HEATMAP, variables: matcher('cursor-2') }, result: { data: page([3], 'cursor-3', false) } },
    ];
    render(
      <I18nProvider>
        <MantineProvider theme={theme}>
          <MockedProvider mocks={mocks} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
            <MemoryRouter>
              <CycleHeatmap cycleId="c1" />
            </MemoryRouter>
          </MockedProvider>
        </MantineProvider>
      </I18nProvider>,
    );
    // Two rows are all there is to see, so the next page is fetched at once and appended after them.
    expect(await screen.findByText('Leader 3', undefined, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('3 of 3 rows loaded')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Organisation heatmap' });
    expect(table).toHaveAttribute('aria-rowcount', '4');
    const names = within(table)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(names).toEqual(['Leader 1', 'Leader 2', 'Leader 3']);
    expect(screen.getByText('Leader 3').closest('tr')).toHaveAttribute('aria-rowindex', '4');
    expect(asked.filter((v) => v.after === 'cursor-2')).toHaveLength(1); // once: the list is complete
  });
});
