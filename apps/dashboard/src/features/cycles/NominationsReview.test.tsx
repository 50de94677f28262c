import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import type { CycleFieldsFragment } from '../../gql/graphql';
import { renderWithTheme } from '../../test/render';
import { PEOPLE } from '../import/operations';
import { AddRater, NominationsReview, SubjectRaters } from './NominationsReview';
import { APPROVE_ALL_NOMINATIONS, APPROVE_NOMINATIONS, COLLEAGUES, CYCLE_SUBJECTS, NOMINATE_RATER, NOMINATION_PAGE } from './operations';

const subject = (id: string, name: string) => ({ __typename: 'Person', id, name, title: 'Director', department: 'Ops', managerId: null });
const draft = {
  __typename: 'Cycle',
  id: 'c1',
  name: 'Spring review',
  status: 'DRAFT',
  subjects: [subject('s1', 'Ada'), subject('s2', 'Ben')],
  minRaters: [],
} as unknown as CycleFieldsFragment;

const proposedOf = (subjectId: string) => ({
  __typename: 'Nomination',
  id: `n-${subjectId}`,
  subjectId,
  group: 'PEER',
  source: 'PROPOSED',
  status: 'PROPOSED',
  rater: { __typename: 'Person', id: `r-${subjectId}`, name: 'Cy', title: null, department: null },
});

describe('NominationsReview', { timeout: 30000 }, () => {
  it("approves every leader's proposals with one call for the cycle, not one per leader", async () => {
    const wholeCycle: unknown[] = [];
    const perSubject: unknown[] = [];
    const mocks = [
      {
        request: { query: CYCLE_SUBJECTS, variables: () => true },
        maxUsageCount: 10,
        result: {
          data: {
            cycleSubjects: {
              __typename: 'PersonPage',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
              nodes: [subject('s1', 'Ada'), subject('s2', 'Ben')],
            },
          },
        },
      },
      {
        request: { query: NOMINATION_PAGE, variables: () => true },
        maxUsageCount: 10,
        result: {
          data: {
            nominationPage: {
              __typename: 'NominationPage',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
              nodes: [proposedOf('s1'), proposedOf('s2')],
            },
          },
        },
      },
      {
        request: {
          query: APPROVE_ALL_NOMINATIONS,
          variables: (v: unknown) => {
            wholeCycle.push(v);
            return true;
          },
        },
        result: { data: { approveNominations: { __typename: 'NominationSummary', changed: 2, subjectsTouched: 2 } } },
      },
      {
        request: {
          query: APPROVE_NOMINATIONS,
          variables: (v: unknown) => {
            perSubject.push(v);
            return true;
          },
        },
        maxUsageCount: 10,
        result: { data: { approveNominations: { __typename: 'NominationSummary', changed: 1, nominations: [] } } },
      },
    ];
    renderWithTheme(
      <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
        <NominationsReview cycle={draft} />
      </MockedProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Approve all (2)' });
    await userEvent.setup().click(button);
    await waitFor(() => expect(wholeCycle).toEqual([{ cycleId: 'c1' }]));
    expect(perSubject).toEqual([]);
    // HR is told what the one call did, from the counts it answered
    expect((await screen.findByRole('status')).textContent).toBe('2 raters approved for 2 leaders.');
  });

  it("searches HR's whole directory on the server for a rater, not the first page of it", async () => {
    const person = (id: string, name: string, department: string | null) => ({
      __typename: 'Person',
      id,
      employeeId: id,
      name,
      email: null,
      title: null,
      department,
      managerId: null,
      directReportCount: 0,
      isLeaderOfLeaders: false,
    });
    const searched: unknown[] = [];
    const added: unknown[] = [];
    const mocks = [
      {
        request: {
          query: PEOPLE,
          variables: (v: Record<string, unknown>) => {
            searched.push(v.search ?? null);
            return true;
          },
        },
        maxUsageCount: 20,
        result: (v: Record<string, unknown>) => ({
          data: { people: v.search === 'Zed' ? [person('p99999', 'Zed Far', 'Sales')] : [person('p1', 'Ann First', null)] },
        }),
      },
    ];
    renderWithTheme(
      <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
        <AddRater onAdd={async (...args) => void added.push(args)} exclude={new Set()} />
      </MockedProvider>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Person' }), 'Zed');
    await waitFor(() => expect(searched).toContain('Zed'));
    await waitFor(() => expect(document.body.textContent).toContain('Zed Far (Sales)'));
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(added).toEqual([['p99999', 'peer', 'Zed Far (Sales)']]);
    expect(searched[0]).toBeNull(); // the first, unsearched list
  });

  it('lets a leader propose a colleague found by name on the server, as a peer or partner only', async () => {
    const searched: unknown[] = [];
    const directory: unknown[] = [];
    const nominated: unknown[] = [];
    const colleague = (id: string, name: string, department: string | null) => ({
      __typename: 'Colleague',
      id,
      name,
      title: null,
      department,
    });
    const mocks = [
      {
        request: {
          query: COLLEAGUES,
          variables: (v: unknown) => {
            searched.push(v);
            return true;
          },
        },
        maxUsageCount: 20,
        result: (v: Record<string, unknown>) => ({
          data: {
            colleagues: {
              __typename: 'ColleaguePage',
              // Cy is on the list already: never offered again.
              nodes: String(v.search).startsWith('Ze') ? [colleague('p99999', 'Zed Far', 'Sales'), colleague('r-s1', 'Cy', null)] : [],
            },
          },
        }),
      },
      {
        request: {
          query: PEOPLE,
          variables: (v: unknown) => {
            directory.push(v);
            return true;
          },
        },
        maxUsageCount: 20,
        result: { data: { people: [] } },
      },
      {
        request: {
          query: NOMINATE_RATER,
          variables: (v: unknown) => {
            nominated.push(v);
            return true;
          },
        },
        result: { data: { nominateRater: [{ __typename: 'Nomination', id: 'n-new' }] } },
      },
    ];
    renderWithTheme(
      <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
        <SubjectRaters
          cycle={draft}
          subject={draft.subjects[0]}
          nominations={[proposedOf('s1')] as never}
          editable
          mode="subject"
          onApprove={() => undefined}
          approving={false}
        />
      </MockedProvider>,
    );
    const user = userEvent.setup();
    // The leader proposes; she does not approve her own list.
    expect(screen.queryByRole('button', { name: 'Approve raters for Ada' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Propose a peer or partner' }));
    const picker = screen.getByRole('combobox', { name: 'Person' });
    expect(picker.getAttribute('placeholder')).toBe('Type a colleague’s name');
    await user.type(picker, 'Z');
    await screen.findByText('Type at least 2 letters of a name');
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the debounce: one letter is never sent
    expect(searched).toEqual([]);
    await user.type(picker, 'e');
    await waitFor(() => expect(document.body.textContent).toContain('Zed Far (Sales)'));
    expect(searched).toEqual([{ cycleId: 'c1', search: 'Ze', first: 20 }]);
    expect(screen.queryByRole('option', { name: 'Cy' })).toBeNull();
    await user.keyboard('{ArrowDown}{Enter}');
    // Peers and partners only: the other groups are HR's.
    const as = screen.getAllByLabelText('As').find((e) => e.tagName === 'INPUT')!; // the label also names its option list
    await user.click(as);
    await waitFor(() =>
      expect(
        [...document.querySelectorAll(`#${CSS.escape(as.getAttribute('aria-controls') ?? 'none')} [role=option]`)].map(
          (o) => o.textContent,
        ),
      ).toEqual(['Peers', 'Others (partners)']),
    );
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(nominated).toEqual([{ input: { cycleId: 'c1', subjectId: 's1', raterId: 'p99999', group: 'peer' } }]));
    // Once the proposal is answered the form closes (and the test ends after it, not with the answer in flight).
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add' })).toBeNull());
    expect(directory).toEqual([]); // a leader never asks for HR's directory
  });
});
