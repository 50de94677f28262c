import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import type { CycleFieldsFragment } from '../../gql/graphql';
import { renderWithTheme } from '../../test/render';
import { CycleActions, ExportCsvButton } from './CycleActions';
import { LAUNCH_CYCLE, LAUNCH_PROGRESS, RESULTS_CSV_DOWNLOAD } from './operations';

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

describe('ExportCsvButton', { timeout: 30000 }, () => {
  const released = { ...launching, status: 'RELEASED' } as unknown as CycleFieldsFragment;
  const render = (mock: object) =>
    renderWithTheme(
      <MockedProvider mocks={[mock] as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
        <ExportCsvButton cycle={released} />
      </MockedProvider>,
    );

  it('has the browser follow the single-use link, so the file streams to disk instead of into the page', async () => {
    const followed: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      followed.push(this.getAttribute('href')!);
    });
    const blob = vi.spyOn(URL, 'createObjectURL');
    render({
      request: { query: RESULTS_CSV_DOWNLOAD, variables: { cycleId: 'c1' } },
      result: {
        data: {
          resultsCsvDownload: { __typename: 'DownloadLink', url: '/exports/c1/results.csv?ticket=abc' },
        },
      },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(followed).toEqual(['/exports/c1/results.csv?ticket=abc']));
    expect(blob).not.toHaveBeenCalled();
    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringMatching(/Your browser is downloading the CSV/));
    click.mockRestore();
    blob.mockRestore();
  });

  it('shows why the export was refused, and follows nothing', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    render({
      request: { query: RESULTS_CSV_DOWNLOAD, variables: { cycleId: 'c1' } },
      result: { errors: [new GraphQLError('Results for this cycle was not found', { extensions: { code: 'NOT_FOUND' } })] },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('The CSV could not be exported — Not found')).toBeTruthy();
    expect(click).not.toHaveBeenCalled();
    expect(screen.queryByText(/Your browser is downloading/)).toBeNull();
    click.mockRestore();
  });
});
