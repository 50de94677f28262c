import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../../test/render';
import type { ProgressFieldsFragment, SubjectProgressFieldsFragment } from '../../gql/graphql';
import { ProgressView, SubjectProgressTable } from './ProgressBoard';

function progress(consistency: Partial<ProgressFieldsFragment['consistency']>, figures = { submitted: 5, recorded: 4, counted: 3 }) {
  return {
    __typename: 'CycleProgress',
    cycleId: 'c1',
    status: 'LAUNCHED',
    invited: 8,
    started: 6,
    ...figures,
    responseRate: figures.submitted / 8,
    consistency: {
      __typename: 'ProgressConsistency',
      checkedAt: '2030-01-10T10:00:00.000Z',
      notRecorded: 0,
      notCounted: 0,
      oldestReceivedAt: null,
      ageSeconds: null,
      stuck: false,
      staleAfterSeconds: 300,
      ...consistency,
    },
  } as unknown as ProgressFieldsFragment;
}

/** The same figures as one leader's row of the paged table. */
function subjects(figures = { submitted: 5, recorded: 4, counted: 3 }) {
  const rows = [
    {
      subject: { id: 's1', name: 'Ada Lovelace', title: null, department: null },
      groups: [{ group: 'peer', invited: 8, started: 6, ...figures }],
      nonResponders: [],
    },
  ] as unknown as SubjectProgressFieldsFragment[];
  return <SubjectProgressTable rows={rows} totalCount={1} />;
}

describe('ProgressView: received, recorded, counted', () => {
  it('shows the three figures apart, and a group whose surveys are not all counted', () => {
    renderWithTheme(
      <ProgressView
        progress={progress({ notRecorded: 1, notCounted: 2, oldestReceivedAt: '2030-01-10T09:59:30.000Z', ageSeconds: 30 })}
        live
      >
        {subjects()}
      </ProgressView>,
    );
    expect(screen.getByText('Submitted').parentElement).toHaveTextContent('5');
    expect(screen.getByText('Recorded').parentElement).toHaveTextContent('4');
    expect(screen.getByText('Counted').parentElement).toHaveTextContent('3');
    expect(screen.getByText(/2 not counted yet/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '2 submitted surveys are not counted yet (1 not recorded yet); the oldest was received 30 seconds ago.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly when a difference is stuck, with its age', () => {
    renderWithTheme(
      <ProgressView
        progress={progress({ notRecorded: 0, notCounted: 2, oldestReceivedAt: '2030-01-10T09:20:00.000Z', ageSeconds: 2400, stuck: true })}
        live
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Submitted surveys are not being counted');
    expect(alert).toHaveTextContent('2 submitted surveys have not been counted for more than 5 minutes (all of them recorded)');
    expect(alert).toHaveTextContent('40 minutes ago');
  });

  it('says so when everything submitted is counted', () => {
    renderWithTheme(
      <ProgressView progress={progress({}, { submitted: 5, recorded: 5, counted: 5 })} live>
        {subjects({ submitted: 5, recorded: 5, counted: 5 })}
      </ProgressView>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Every submitted survey is recorded and counted.');
    expect(screen.queryByText(/not counted yet/)).toBeNull();
  });
});
