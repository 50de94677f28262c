import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
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
  it('asks the server for a page, shows how many of the total, and appends the next page on request', async () => {
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
          <MockedProvider mocks={mocks}>
            <MemoryRouter>
              <CycleHeatmap cycleId="c1" />
            </MemoryRouter>
          </MockedProvider>
        </MantineProvider>
      </I18nProvider>,
    );
    expect(await screen.findByText('2 of 3 leaders shown')).toBeTruthy();
    expect(screen.getByText('Leader 2')).toBeTruthy();
    expect(screen.queryByText('Leader 3')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show 1 more' }));
    expect(await screen.findByText('Leader 3')).toBeTruthy();
    expect(screen.getByText('3 of 3 leaders shown')).toBeTruthy();
    expect(screen.getByText('Leader 1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
    expect(asked.some((v) => v.after === 'cursor-2')).toBe(true);
  });
});
