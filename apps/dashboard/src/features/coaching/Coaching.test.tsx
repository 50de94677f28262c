import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { CoachHome } from './CoachHome';
import { CycleCoachingPanel } from './CycleCoachingPanel';
import {
  ASSIGN_COACH,
  COACH_CANDIDATES,
  COMPLETE_DEBRIEF,
  CYCLE_COACHING,
  CYCLE_COACHING_PAGE,
  MY_COACHEES,
  REPORT_COACHING,
} from './operations';
import { ReportCoachingNotice } from './ReportCoachingNotice';

const C1 = '11111111-1111-4111-8111-111111111111';
const BEN = '22222222-2222-4222-8222-222222222222';
const CY = '33333333-3333-4333-8333-333333333333';

function show(ui: ReactElement, mocks: unknown[]) {
  return renderWithTheme(
    <MemoryRouter>
      <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
        {ui}
      </MockedProvider>
    </MemoryRouter>,
  );
}

/** axe-core on what is rendered (WCAG 2 A/AA; colour contrast needs a real browser): no serious or critical finding. */
async function expectAccessible(container: HTMLElement) {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

const coachee = (extra: Record<string, unknown>) => ({
  __typename: 'Coachee',
  cycleId: C1,
  cycleName: 'Spring 360',
  released: true,
  debriefDoneAt: null,
  hasPlan: false,
  ...extra,
});

describe('coaching', { timeout: 30000 }, () => {
  it("lists the coach's leaders with report and plan links, and marks a debrief done", async () => {
    const before = [
      coachee({ subjectId: BEN, subjectName: 'Ben Lead', hasPlan: true }),
      coachee({ subjectId: CY, subjectName: 'Cy Peer', debriefDoneAt: '2030-11-02T09:00:00.000Z' }),
    ];
    const after = [{ ...before[0], debriefDoneAt: '2030-11-03T09:00:00.000Z' }, before[1]];
    const sent: unknown[] = [];
    const { container } = show(<CoachHome />, [
      { request: { query: MY_COACHEES }, result: { data: { myCoachees: before } } },
      {
        request: {
          query: COMPLETE_DEBRIEF,
          variables: (v: unknown) => {
            sent.push(v);
            return true;
          },
        },
        result: {
          data: {
            completeDebrief: {
              __typename: 'ReportCoaching',
              cycleId: C1,
              subjectId: BEN,
              coachName: 'Zoe Coach',
              debriefDone: true,
              debriefDoneAt: '2030-11-03T09:00:00.000Z',
              viewerIsCoach: true,
            },
          },
        },
      },
      { request: { query: MY_COACHEES }, result: { data: { myCoachees: after } } },
    ]);
    expect(await screen.findByRole('heading', { name: 'Spring 360' })).toBeTruthy();
    expect(screen.getByRole('link', { name: "Open Ben Lead's report" }).getAttribute('href')).toBe(`/cycles/${C1}/reports/${BEN}`);
    expect(screen.getByRole('link', { name: "Open Ben Lead's development plan" }).getAttribute('href')).toBe(
      `/cycles/${C1}/reports/${BEN}#development-plan`,
    );
    expect(screen.getByText('Awaiting your debrief')).toBeTruthy();
    expect(screen.getByText('No plan yet')).toBeTruthy(); // Cy has none
    expect(screen.queryByRole('button', { name: 'Mark the debrief with Cy Peer done' })).toBeNull(); // done already
    await expectAccessible(container);
    await userEvent.click(screen.getByRole('button', { name: 'Mark the debrief with Ben Lead done' }));
    expect(
      await screen.findByText('Debrief with Ben Lead marked done: the report is shared with them.', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(sent).toEqual([{ cycleId: C1, subjectId: BEN }]);
    expect(await screen.findByText(/^Debrief done Nov 3, 2030/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mark the debrief/ })).toBeNull();
  });

  it('tells the leader of a coached cycle who their report waits for, instead of a refusal', async () => {
    const { container } = show(
      <ReportCoachingNotice cycleId={C1} subjectId={BEN} isLeader refused fallback={<p>Refused</p>} header={<h1>Ben Lead</h1>} />,
      [
        {
          request: { query: REPORT_COACHING, variables: { cycleId: C1, subjectId: BEN } },
          result: {
            data: {
              reportCoaching: {
                __typename: 'ReportCoaching',
                cycleId: C1,
                subjectId: BEN,
                coachName: 'Zoe Coach',
                debriefDone: false,
                debriefDoneAt: null,
                viewerIsCoach: false,
              },
            },
          },
        },
      ],
    );
    expect(await screen.findByText('Your report will be shared after your debrief with Zoe Coach.')).toBeTruthy();
    expect(screen.queryByText('Refused')).toBeNull();
    await expectAccessible(container);
  });

  it('shows the refusal itself when the cycle is not coached', async () => {
    show(<ReportCoachingNotice cycleId={C1} subjectId={BEN} isLeader refused fallback={<p>Refused</p>} />, [
      { request: { query: REPORT_COACHING, variables: { cycleId: C1, subjectId: BEN } }, result: { data: { reportCoaching: null } } },
    ]);
    expect(await screen.findByText('Refused')).toBeTruthy();
    expect(screen.queryByText(/debrief/)).toBeNull();
  });

  it("shows HR each leader's coach and the debriefs done a page at a time, filters on the server, and reads the list again after an assignment", async () => {
    const DI = '44444444-4444-4444-8444-444444444444';
    const ZOE = '55555555-5555-4555-8555-555555555555';
    const counts = (withCoach: number) => ({
      cycleCoaching: { __typename: 'CycleCoaching', cycleId: C1, coached: true, leaders: 3, withCoach, debriefsDone: 1 },
    });
    const leader = (subjectId: string, subjectName: string, coachName: string | null, debriefDoneAt: string | null = null) => ({
      __typename: 'CoachAssignment',
      subjectId,
      subjectName,
      coachId: coachName ? `coach-${coachName}` : null,
      coachName,
      debriefDoneAt,
    });
    const page = (nodes: unknown[], totalCount: number, endCursor: string | null, hasNextPage: boolean) => ({
      cycleCoachingPage: {
        __typename: 'CoachAssignmentPage',
        cycleId: C1,
        totalCount,
        pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
        nodes,
      },
    });
    const zoe = { __typename: 'Person', id: ZOE, name: 'Zoe Coach', title: null };
    const assigned: unknown[] = [];
    const { container } = show(<CycleCoachingPanel cycleId={C1} released />, [
      { request: { query: CYCLE_COACHING, variables: { cycleId: C1 } }, result: { data: counts(2) } },
      {
        request: { query: CYCLE_COACHING_PAGE, variables: { cycleId: C1, first: 100, filter: {} } },
        result: {
          data: page([leader(BEN, 'Ben Lead', 'Zoe Coach', '2030-11-03T09:00:00.000Z'), leader(CY, 'Cy Peer', 'Yan Coach')], 3, 'c1', true),
        },
      },
      {
        request: { query: CYCLE_COACHING_PAGE, variables: { cycleId: C1, first: 100, filter: {}, after: 'c1' } },
        result: { data: page([leader(DI, 'Di Peer', null)], 3, 'c2', false) },
      },
      {
        request: { query: CYCLE_COACHING_PAGE, variables: { cycleId: C1, first: 100, filter: { withoutCoachOnly: true } } },
        result: { data: page([leader(DI, 'Di Peer', null)], 1, 'c3', false) },
      },
      { request: { query: COACH_CANDIDATES, variables: { search: null } }, result: { data: { people: [zoe] } }, maxUsageCount: 5 },
      // The list searched again by the chosen name comes late: HR may assign while it loads, and the
      // confirmation still names the coach (it once named nobody when the list was loading).
      {
        request: { query: COACH_CANDIDATES, variables: { search: 'Zoe Coach' } },
        result: { data: { people: [zoe] } },
        maxUsageCount: 5,
        delay: 3000,
      },
      {
        request: {
          query: ASSIGN_COACH,
          variables: (v: unknown) => {
            assigned.push(v);
            return true;
          },
        },
        result: { data: { assignCoach: counts(3).cycleCoaching } },
      },
      // Read again after the assignment: nobody is left without a coach.
      {
        request: { query: CYCLE_COACHING_PAGE, variables: { cycleId: C1, first: 100, filter: { withoutCoachOnly: true } } },
        result: { data: page([], 0, null, false) },
      },
    ]);
    expect(await screen.findByText('Debriefs: 1 of 3')).toBeTruthy();
    expect(screen.getByText('1 leader has no coach yet. Results can be released once every leader has one.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: "Each leader's coach and debrief" });
    expect(table.getAttribute('aria-rowcount')).toBe('4'); // the header and every leader, over all pages
    expect(within(table).getByRole('row', { name: /Ben Lead.*Zoe Coach.*Done/ })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Cy Peer.*Yan Coach.*Not yet/ })).toBeTruthy();
    // The second page follows the first, in the same list.
    expect(await within(table).findByRole('row', { name: /Di Peer.*No coach yet/ })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Choose Ben Lead' }).disabled).toBe(true); // debriefed
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /Coached cycle/ }).disabled).toBe(true);
    await expectAccessible(container);

    // Only the leaders without a coach, asked of the server.
    await userEvent.click(screen.getByRole('radio', { name: 'Without a coach' }));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: "Each leader's coach and debrief" })).queryByText('Cy Peer')).toBeNull(),
    );
    expect(screen.getByRole('table', { name: "Each leader's coach and debrief" }).getAttribute('aria-rowcount')).toBe('2');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Choose Di Peer' }));
    expect(screen.getByText('1 leader chosen')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox', { name: 'Coach' }));
    await waitFor(() => expect(document.querySelector('[data-combobox-option]')?.textContent).toBe('Zoe Coach'));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Coach' }).value).toBe('Zoe Coach'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Assign coach' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Assign coach' }));
    expect(await screen.findByText('Zoe Coach now coaches 1 leader.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(assigned).toEqual([{ input: { cycleId: C1, coachId: ZOE, subjectIds: [DI] } }]);
    // The counts came with the answer, and the list was read again from the server.
    expect(screen.queryByText(/no coach yet\. Results can be released/)).toBeNull();
    expect(await screen.findByText('No leader matches.')).toBeTruthy();
    expect(screen.getByText('No leader chosen')).toBeTruthy();
  });
});
