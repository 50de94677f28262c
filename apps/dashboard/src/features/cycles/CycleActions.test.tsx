import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import type { CycleFieldsFragment } from '../../gql/graphql';
import { renderWithTheme } from '../../test/render';
import { CycleActions } from './CycleActions';
import { LAUNCH_CYCLE, LAUNCH_PROGRESS } from './operations';

const launching = {
  __typename: 'Cycle',
  id: 'c1',
  name: 'Spring review',
  status: 'LAUNCHING',
  launchedAt: null,
  launchProgress: { __typename: 'LaunchProgress', subjectsLaunched: 400, subjectsTotal: 1000 },
  subjects: [],
  minRaters: [],
} as unknown as CycleFieldsFragment;

const progress = (status: string, done: number) => ({
  request: { query: LAUNCH_PROGRESS, variables: { id: 'c1' } },
  result: {
    data: {
      cycle: {
        __typename: 'Cycle',
        id: 'c1',
        status,
        launchedAt: status === 'LAUNCHED' ? '2030-01-10T10:00:00.000Z' : null,
        launchProgress: { __typename: 'LaunchProgress', subjectsLaunched: done, subjectsTotal: 1000 },
      },
    },
  },
});

describe('CycleActions while a launch runs in slices', { timeout: 30000 }, () => {
  it('shows how many leaders are done and resumes an interrupted launch', async () => {
    const sent: unknown[] = [];
    renderWithTheme(
      <MockedProvider
        mocks={
          [
            progress('LAUNCHING', 400),
            {
              request: {
                query: LAUNCH_CYCLE,
                variables: (v: unknown) => {
                  sent.push(v);
                  return true;
                },
              },
              result: {
                data: { launchCycle: { __typename: 'Cycle', id: 'c1', status: 'LAUNCHED', launchedAt: '2030-01-10T10:00:00.000Z' } },
              },
            },
          ] as never
        }
        cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}
      >
        <CycleActions cycle={launching} />
      </MockedProvider>,
    );
    expect(screen.getByText('Inviting raters: 400 of 1,000 leaders done')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Launch progress' })).toBeTruthy();
    expect(screen.getByText(/The launch stopped part-way/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Resume launch' }));
    await waitFor(() => expect(sent).toEqual([{ cycleId: 'c1' }]));
  });
});
