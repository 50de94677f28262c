import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { CycleList } from './CycleList';
import { CYCLES } from './operations';

const cycle = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Cycle',
  id,
  name,
  status: 'LAUNCHED',
  instrumentId: 'leader-of-leaders',
  instrumentVersion: 1,
  roleProfileId: 'leader-of-leaders',
  anonymityThreshold: 3,
  commentThreshold: 3,
  maxRatersPerGroup: 12,
  opensAt: '2031-01-01T09:00:00.000Z',
  closesAt: '2031-01-20T17:00:00.000Z',
  launchedAt: '2031-01-01T09:00:00.000Z',
  closedAt: null,
  releasedAt: null,
  followsUp: null,
  launchProgress: null,
  minRaters: [],
  subjects: [{ __typename: 'Person', id: 's1', name: 'Ben Lead', title: null, department: null, managerId: null }],
  ...extra,
});

describe('CycleList', { timeout: 30000 }, () => {
  it('sends HR from a follow-up pulse to the leader’s pulse section, and from a 360 to its cycle page', async () => {
    renderWithTheme(
      <MemoryRouter>
        <MockedProvider
          mocks={[
            {
              request: { query: CYCLES },
              result: {
                data: {
                  cycles: [
                    cycle('c1', 'Leadership 360'),
                    cycle('p1', 'Follow-up pulse: Ben Lead', {
                      opensAt: '2031-03-01T09:00:00.000Z',
                      followsUp: { __typename: 'PulseOrigin', cycleId: 'c1', subjectId: 's1' },
                    }),
                  ],
                },
              },
            },
          ]}
          cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}
        >
          <CycleList />
        </MockedProvider>
      </MemoryRouter>,
    );
    const pulse = await screen.findByRole('link', { name: /Follow-up pulse: Ben Lead/ });
    expect(pulse.getAttribute('href')).toBe('/cycles/c1/reports/s1#follow-up-pulse');
    expect(pulse.textContent).toContain('its counts are on the leader’s report page');
    const review = screen.getByRole('link', { name: /Leadership 360/ });
    expect(review.getAttribute('href')).toBe('/cycles/c1');
    expect(review.textContent).not.toContain('Follow-up pulse');
  });
});
