import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { MailOutbox } from './MailOutbox';
import { MAIL_OUTBOX } from './operations';

const mail = (n: number, kind = 'invitation') => ({
  __typename: 'OutboxMail',
  mailId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind,
  cycleId: 'c1',
  recipientName: `Rater ${n}`,
  to: `rater${n}@acme.test`,
  subject: `Mail ${n}`,
  createdAt: '2030-01-10T10:00:00.000Z',
});
const page = (nodes: unknown[], endCursor: string | null, hasNextPage: boolean) => ({
  mailOutbox: { __typename: 'OutboxMailPage', cycleId: null, pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage }, nodes },
});
const rows = (n: number, from = 1, kind?: string) => Array.from({ length: n }, (_, i) => mail(from + i, kind));

function show(mocks: unknown[]) {
  return renderWithTheme(
    <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
      <MailOutbox />
    </MockedProvider>,
  );
}

describe('MailOutbox: the mail outbox a page at a time', () => {
  it('renders only some rows of a long outbox, loads the next page after the cursor, and asks the server for one kind', async () => {
    const asked: unknown[] = [];
    const { container } = show([
      { request: { query: MAIL_OUTBOX, variables: { first: 100, filter: {} } }, result: { data: page(rows(100), 'p1', true) } },
      {
        request: {
          query: MAIL_OUTBOX,
          variables: (v: Record<string, unknown>) => {
            if (v.after !== 'p1') return false;
            asked.push(v);
            return true;
          },
        },
        result: { data: page(rows(100, 101), 'p2', true) },
      },
      {
        request: { query: MAIL_OUTBOX, variables: { first: 100, filter: { kind: 'REMINDER' } } },
        result: { data: page([mail(900, 'reminder')], 'p3', false) },
      },
    ]);
    const table = await screen.findByRole('table', { name: 'Mail outbox' });
    // Not counted (the server never reads the whole outbox): the total is unknown while pages follow.
    expect(table.getAttribute('aria-rowcount')).toBe('-1');
    // Virtualised: a first window of the rows loaded, never all of them.
    const shown = within(table).getAllByRole('row').length - 1;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);
    expect(within(table).getByText('Rater 1')).toBeInTheDocument();
    expect(within(table).getByText('rater1@acme.test').closest('tr')).toHaveAttribute('data-to', 'rater1@acme.test');
    expect(within(table).getAllByText('Invitation').length).toBeGreaterThan(0);
    expect(await screen.findByText('100 rows loaded, more as you scroll')).toBeInTheDocument();
    const result = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The reminders only, asked of the server: one mail, the last page, so its count is known.
    await userEvent.click(screen.getByRole('combobox', { name: 'Which mails' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Reminder', hidden: true }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Mail outbox' })).getByText('Rater 900')).toBeInTheDocument());
    expect(screen.getByRole('table', { name: 'Mail outbox' }).getAttribute('aria-rowcount')).toBe('2');
    expect(within(screen.getByRole('table', { name: 'Mail outbox' })).queryByText('Rater 1')).toBeNull();
    expect(screen.getByText('1 of 1 row loaded')).toBeInTheDocument();
    expect(asked).toEqual([]); // the first page's end was never scrolled to
  });

  it('says so when the outbox is empty, and when no mail is of the kind asked for', async () => {
    show([
      { request: { query: MAIL_OUTBOX, variables: { first: 100, filter: {} } }, result: { data: page([], null, false) } },
      {
        request: { query: MAIL_OUTBOX, variables: { first: 100, filter: { kind: 'PULSE_LAUNCHED' } } },
        result: { data: page([], null, false) },
      },
    ]);
    expect(await screen.findByText('No mail yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Which mails' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Follow-up pulse', hidden: true }));
    expect(await screen.findByText('No mail of this kind yet.')).toBeInTheDocument();
  });

  it('shows a failed load with a way to try again', async () => {
    show([{ request: { query: MAIL_OUTBOX, variables: { first: 100, filter: {} } }, error: new Error('network down') }]);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The mail outbox could not be loaded — /);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
