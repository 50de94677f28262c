import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { DeliveryBoard, DeliveryTable, DeliveryTotals } from './DeliveryBoard';
import { CYCLE_MAIL_DELIVERY_PAGE, CYCLE_MAIL_DELIVERY_TOTALS } from './operations';

const C1 = '11111111-1111-4111-8111-111111111111';

function show(ui: ReactElement, mocks: unknown[]) {
  return renderWithTheme(
    <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
      {ui}
    </MockedProvider>,
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

const mail = (status: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'MailDeliveryState',
  mailId: `m-${Math.random()}`,
  status,
  reason: null,
  attempts: 1,
  updatedAt: '2030-01-10T10:00:00.000Z',
  ...extra,
});
const row = (id: string, rater: string, invitation: ReturnType<typeof mail> | null, reminder: ReturnType<typeof mail> | null = null) => ({
  __typename: 'RaterMailDelivery',
  assignmentId: id,
  subjectId: 's1',
  subjectName: 'Ben Lead',
  raterName: rater,
  raterEmail: `${rater.toLowerCase()}@acme.test`,
  group: 'peer',
  surveyStatus: 'invited',
  invitation,
  reminder,
});
const page = (nodes: unknown[], totalCount: number, endCursor: string | null, hasNextPage: boolean) => ({
  cycleMailDeliveryPage: {
    __typename: 'RaterMailDeliveryPage',
    cycleId: C1,
    totalCount,
    pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
    nodes,
  },
});
const SORT = { by: 'SUBJECT', direction: 'ASC' };
const totals = [
  { __typename: 'MailDeliveryTotal', mail: 'INVITATION', status: 'sent', count: 2 },
  { __typename: 'MailDeliveryTotal', mail: 'INVITATION', status: 'failed', count: 1 },
  { __typename: 'MailDeliveryTotal', mail: 'REMINDER', status: 'none', count: 3 },
];

describe('DeliveryBoard: mail delivery a page at a time', () => {
  it('shows the totals, loads the next page after the cursor, and asks the server for the failed invitations only', async () => {
    const ada = row('a1', 'Ada', mail('sent'));
    const cy = row('a2', 'Cy', mail('failed', { reason: '550 no such mailbox' }));
    const di = row('a3', 'Di', mail('sent'), mail('deferred', { attempts: 2 }));
    const mocks = [
      { request: { query: CYCLE_MAIL_DELIVERY_TOTALS, variables: { cycleId: C1 } }, result: { data: { cycleMailDeliveryTotals: totals } } },
      {
        request: { query: CYCLE_MAIL_DELIVERY_PAGE, variables: { cycleId: C1, first: 100, filter: {}, sort: SORT } },
        result: { data: page([ada, cy], 3, 'c1', true) },
      },
      {
        request: { query: CYCLE_MAIL_DELIVERY_PAGE, variables: { cycleId: C1, first: 100, filter: {}, sort: SORT, after: 'c1' } },
        result: { data: page([di], 3, 'c2', false) },
      },
      {
        request: {
          query: CYCLE_MAIL_DELIVERY_PAGE,
          variables: { cycleId: C1, first: 100, filter: { statuses: ['failed'], mail: 'INVITATION' }, sort: SORT },
        },
        result: { data: page([cy], 1, 'c3', false) },
      },
    ];
    show(<DeliveryBoard cycleId={C1} live={false} />, mocks);

    const table = await screen.findByRole('table', { name: 'Mail delivery per rater' });
    // The second page follows the first (the cursor's), in the same list.
    await waitFor(() => expect(within(table).getByText('Di')).toBeInTheDocument());
    expect(within(table).getByText('Ada')).toBeInTheDocument();
    expect(within(table).getByText('Retrying (2 attempts)')).toBeInTheDocument();

    const failed = await screen.findByRole('button', { name: '1 failed (Invitation): show only these raters' });
    expect(failed).toHaveTextContent('1 failed');
    expect(screen.getByRole('button', { name: '3 not yet (Reminder): show only these raters' })).toHaveTextContent('3 not yet');
    await userEvent.click(failed);
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Mail delivery per rater' })).queryByText('Ada')).toBeNull());
    expect(within(screen.getByRole('table', { name: 'Mail delivery per rater' })).getByText('Cy')).toBeInTheDocument();
    expect(failed).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('DeliveryTotals and DeliveryTable', () => {
  it('picks a status of one mail, and lets go of it on a second click', async () => {
    const onPick = vi.fn();
    const { unmount, container } = renderWithTheme(
      <DeliveryTotals totals={totals as never} filter={{ status: null, mail: null }} onPick={onPick} />,
    );
    await expectAccessible(container); // each button's name starts with what it shows
    await userEvent.click(screen.getByRole('button', { name: /^1 failed \(Invitation\)/ }));
    expect(onPick).toHaveBeenLastCalledWith({ status: 'failed', mail: 'INVITATION' });
    unmount();
    renderWithTheme(<DeliveryTotals totals={totals as never} filter={{ status: 'failed', mail: 'INVITATION' }} onPick={onPick} />);
    expect(screen.getByRole('button', { name: /^1 failed \(Invitation\)/ })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: /^1 failed \(Invitation\)/ }));
    expect(onPick).toHaveBeenLastCalledWith({ status: null, mail: null });
  });

  it('announces every rater of the filter, offers resend to those who have not submitted, and says when nobody matches', async () => {
    const onResend = vi.fn();
    const submitted = { ...row('a2', 'Cy', mail('sent')), surveyStatus: 'submitted' };
    const { unmount } = renderWithTheme(
      <DeliveryTable rows={[row('a1', 'Ada', mail('failed')), submitted] as never} totalCount={40} canResend onResend={onResend} />,
    );
    expect(screen.getByRole('table', { name: 'Mail delivery per rater' })).toHaveAttribute('aria-rowcount', '41');
    await userEvent.click(screen.getByRole('button', { name: 'Resend the invitation to Ada' }));
    expect(onResend).toHaveBeenCalledWith('a1');
    expect(screen.queryByRole('button', { name: 'Resend the invitation to Cy' })).toBeNull();
    unmount();
    renderWithTheme(<DeliveryTable rows={[]} totalCount={0} />);
    expect(screen.getByText('No rater matches.')).toBeInTheDocument();
  });
});
