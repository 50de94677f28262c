import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { DevelopmentPlanSection } from './DevelopmentPlanSection';
import { COMMENT_ON_DEVELOPMENT_PLAN, DEVELOPMENT_PLAN, SAVE_DEVELOPMENT_PLAN } from './operations';

const area = {
  __typename: 'FocusArea',
  kind: 'dimension',
  id: 'develops-leaders',
  label: 'Develops leaders',
  dimensionName: 'Develops leaders',
  actions: 'Monthly growth talks with each of my leaders',
};
const plan = (extra: Record<string, unknown> = {}) => ({
  __typename: 'DevelopmentPlan',
  cycleId: 'c1',
  subjectId: 's1',
  version: 2,
  reviewDate: '2031-03-15',
  savedAt: '2030-11-01T10:00:00.000Z',
  editable: false,
  commentable: true,
  focusAreas: [area],
  history: [
    { __typename: 'DevelopmentPlanVersion', version: 2, reviewDate: '2031-03-15', savedAt: '2030-11-01T10:00:00.000Z', focusAreas: [area] },
    { __typename: 'DevelopmentPlanVersion', version: 1, reviewDate: '2031-01-10', savedAt: '2030-10-01T10:00:00.000Z', focusAreas: [area] },
  ],
  comments: [],
  ...extra,
});
const read = (data: unknown) => ({
  request: { query: DEVELOPMENT_PLAN, variables: { cycleId: 'c1', subjectId: 's1' } },
  result: { data: { developmentPlan: data } },
});
const choices = { dimensions: [{ dimensionId: 'develops-leaders', name: 'Develops leaders' }], items: [] };

function show(ui: ReactElement, mocks: unknown[]) {
  // The app's own cache policies: a plan is one object per leader and cycle, focus areas are not normalised.
  return renderWithTheme(
    <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
      {ui}
    </MockedProvider>,
  );
}

// Generous timeouts: these run beside browser tests on shared machines.
describe('DevelopmentPlanSection', { timeout: 30000 }, () => {
  it("shows the manager the leader's plan with its review date and history, and adds their comment", async () => {
    const comment = {
      __typename: 'DevelopmentPlanComment',
      id: 'k1',
      planVersion: 2,
      authorName: 'Ada Chief',
      body: 'Start with Eve.',
      createdAt: '2030-11-02T09:00:00.000Z',
    };
    const sent: unknown[] = [];
    show(<DevelopmentPlanSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" isLeader={false} choices={choices} />, [
      read(plan()),
      {
        request: {
          query: COMMENT_ON_DEVELOPMENT_PLAN,
          variables: (v: unknown) => {
            sent.push(v);
            return true;
          },
        },
        result: { data: { commentOnDevelopmentPlan: plan({ comments: [comment] }) } },
      },
    ]);
    expect(await screen.findByText('Monthly growth talks with each of my leaders')).toBeTruthy();
    expect(screen.getByText('Review on March 15, 2031')).toBeTruthy();
    expect(screen.getByText('1 earlier version')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change my plan' })).toBeNull();
    await userEvent.click(screen.getByLabelText('Your comment for Ben Lead'));
    await userEvent.paste('Start with Eve.');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(await screen.findByText('Start with Eve.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(sent).toEqual([{ input: { cycleId: 'c1', subjectId: 's1', body: 'Start with Eve.' } }]);
  });

  it("lets the leader change the plan, shows the server's reason beside the field, and says when it is saved", async () => {
    const saves: unknown[] = [];
    const save = (result: unknown) => ({
      request: {
        query: SAVE_DEVELOPMENT_PLAN,
        variables: (v: unknown) => {
          saves.push(v);
          return true;
        },
      },
      ...(result as object),
    });
    show(<DevelopmentPlanSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" isLeader choices={choices} />, [
      read(plan({ editable: true, commentable: false })),
      save({
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.reviewDate', message: 'the review date must be in the future' }],
              },
            }),
          ],
        },
      }),
      save({
        result: { data: { saveDevelopmentPlan: plan({ version: 3, editable: true, commentable: false, reviewDate: '2031-06-01' }) } },
      }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Change my plan' }));
    const date = screen.getByLabelText(/Review date/);
    await userEvent.clear(date);
    await userEvent.paste('2020-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save and share with my manager' }));
    expect(await screen.findByText('the review date must be in the future', undefined, { timeout: 5000 })).toBeTruthy();
    await userEvent.clear(date);
    await userEvent.paste('2031-06-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save and share with my manager' }));
    expect(await screen.findByText('Version 3 saved. Your manager has been told.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(saves[1]).toEqual({
      input: {
        cycleId: 'c1',
        focusAreas: [{ kind: 'dimension', id: 'develops-leaders', actions: 'Monthly growth talks with each of my leaders' }],
        reviewDate: '2031-06-01',
        expectedVersion: 2,
      },
    });
  });

  it('asks the leader for what is missing before sending anything', async () => {
    show(<DevelopmentPlanSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" isLeader choices={choices} />, [read(null)]);
    expect(await screen.findByText('You have not written a development plan for this report yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Write my plan' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save and share with my manager' }));
    expect(screen.getByText('Choose a focus area')).toBeTruthy();
    expect(screen.getByText('Write at least one action')).toBeTruthy();
    expect(screen.getByText('Choose a review date')).toBeTruthy();
  });
});
