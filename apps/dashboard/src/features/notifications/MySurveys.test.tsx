import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { MySurveys } from './MySurveys';
import { MY_SURVEYS } from './operations';

describe('MySurveys', { timeout: 30000 }, () => {
  it("links each survey to the gateway's own survey page (a page load, not the dashboard's route)", async () => {
    renderWithTheme(
      <MemoryRouter>
        <MockedProvider
          mocks={[
            {
              request: { query: MY_SURVEYS },
              result: {
                data: {
                  mySurveys: [
                    {
                      __typename: 'SurveyToAnswer',
                      assignmentId: 'a1',
                      cycleId: 'c1',
                      cycleName: 'Leadership 360',
                      subjectName: 'Ben Lead',
                      relationship: 'peer',
                      status: 'invited',
                      closesAt: '2031-01-20T17:00:00.000Z',
                      path: '/survey/tok-123',
                    },
                  ],
                },
              },
            },
          ]}
          cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}
        >
          <Routes>
            <Route path="/" element={<MySurveys />} />
            <Route path="/survey/:token" element={<p>the dashboard's survey route</p>} />
          </Routes>
        </MockedProvider>
      </MemoryRouter>,
    );
    const link = await screen.findByRole('link', { name: 'Ben Lead' });
    expect(link.getAttribute('href')).toBe('/survey/tok-123');
    // a plain link: the browser loads the page; a router link would switch routes inside the dashboard
    fireEvent.click(link);
    expect(screen.queryByText("the dashboard's survey route")).toBeNull();
  });
});
