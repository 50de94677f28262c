import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from '../../app/apollo';
import { renderWithTheme } from '../../test/render';
import { PulseSection } from './PulseSection';
import { CLOSE_PULSE, PULSES, START_PULSE } from './operations';

const figure = (extra: Record<string, unknown>) => ({
  __typename: 'PulseFigure',
  n: 6,
  shown: true,
  mean: 1.5,
  ci95Low: 0.62,
  ci95High: 2.38,
  call: 'more_effective',
  ...extra,
});
const area = (slot: string, label: string, result: unknown) => ({
  __typename: 'PulseFocusAreaResult',
  slot,
  kind: 'dimension',
  id: slot,
  label,
  result,
});
const pulse = (extra: Record<string, unknown> = {}) => ({
  __typename: 'Pulse',
  id: 'p1',
  status: 'closed',
  planVersion: 2,
  startedBy: 'leader',
  closesAt: '2031-02-01T17:00:00.000Z',
  invited: 7,
  answered: 6,
  anonymityThreshold: 3,
  comments: ['Much clearer decisions since spring'],
  focusAreas: [
    area('focus-1', 'Develops leaders', figure({})),
    area('focus-2', 'Asks for the decision record', figure({ n: 2, shown: false, mean: null, ci95Low: null, ci95High: null, call: null })),
  ],
  ...extra,
});
const read = (pulses: unknown[]) => ({
  request: { query: PULSES, variables: { cycleId: 'c1', subjectId: 's1' } },
  result: { data: { pulses } },
});

/** startPulse answering with `pulse`, each request's variables kept in `sent`. */
const started = (pulse: unknown, sent: unknown[]) => ({
  request: {
    query: START_PULSE,
    variables: (v: unknown) => {
      sent.push(v);
      return true;
    },
  },
  result: { data: { startPulse: pulse } },
});

function show(ui: ReactElement, mocks: unknown[]) {
  return renderWithTheme(
    <MockedProvider mocks={mocks as never} cache={new InMemoryCache({ typePolicies: CACHE_POLICIES })}>
      {ui}
    </MockedProvider>,
  );
}

describe('PulseSection', { timeout: 30000 }, () => {
  it('shows a closed pulse per focus area: the interval chart on -3..+3, the call, and "not enough answers" where suppressed', async () => {
    const { container } = show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart={false} isHr={false} />, [
      read([pulse()]),
    ]);
    expect(await screen.findByText('6 of 7 raters answered')).toBeTruthy();
    const chart = container.querySelector('[data-item-bars]')!;
    expect(chart.getAttribute('aria-label')).toContain('Develops leaders +1.50 (n=6) · More effective');
    // the suppressed focus area has no figure anywhere, only that it cannot be shown
    expect(chart.getAttribute('aria-label')).not.toContain('decision record');
    expect(screen.getByText('Asks for the decision record: not enough answers to show (2 answers; at least 3 needed).')).toBeTruthy();
    expect(screen.getByText(/\[\+0\.62, \+2\.38\]/)).toBeTruthy();
    expect(screen.getByText('Much clearer decisions since spring')).toBeTruthy();
  });

  it('writes a change below zero with one true minus, as the report does ("−0.40", never "-0.40")', async () => {
    const { container } = show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart={false} isHr={false} />, [
      read([
        pulse({
          focusAreas: [area('focus-1', 'Develops leaders', figure({ mean: -0.4, ci95Low: -1.123, ci95High: 0.3249, call: 'not_called' }))],
        }),
      ]),
    ]);
    expect(await screen.findByText(/\[−1\.12, \+0\.32\]/)).toBeTruthy();
    expect(container.querySelector('[data-item-bars]')!.getAttribute('aria-label')).toContain('Develops leaders −0.40 (n=6)');
    const section = container.querySelector('[data-pulse]')!;
    expect(section.textContent).toContain('−0.40');
    expect(section.textContent).not.toMatch(/-\d/);
  });

  it('shows HR the counts only, and lets the leader start a pulse with a closing date from the keyboard', async () => {
    const sent: unknown[] = [];
    const open = pulse({ status: 'open', answered: 0, focusAreas: null, comments: null });
    show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart isHr={false} />, [
      read([]),
      started(open, sent),
      read([open]),
    ]);
    expect(await screen.findByText('No follow-up pulse yet.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Start a follow-up pulse' }));
    const date = screen.getByLabelText(/Closes on/);
    await user.clear(date);
    await user.type(date, '2031-02-01');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The pulse went out to 7 raters.')).toBeTruthy();
    expect(sent).toEqual([{ input: { cycleId: 'c1', subjectId: 's1', closesAt: '2031-02-01T17:00:00.000Z' } }]);
  });

  it('lets the leader close an open pulse now; the result then shows in place of the waiting note', async () => {
    const open = pulse({
      status: 'open',
      comments: null,
      focusAreas: [area('focus-1', 'Develops leaders', null), area('focus-2', 'Asks for the decision record', null)],
    });
    show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart isHr={false} />, [
      read([open]),
      { request: { query: CLOSE_PULSE, variables: { pulseId: 'p1' } }, result: { data: { closePulse: pulse() } } },
    ]);
    const close = await screen.findByRole('button', { name: 'Close now and see the result' });
    expect(screen.queryByText(/\[\+0\.62, \+2\.38\]/)).toBeNull();
    await userEvent.setup().click(close);
    // the closed pulse from the mutation replaces the open one in the cache: its figures appear, the button goes
    expect(await screen.findByText(/\[\+0\.62, \+2\.38\]/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close now and see the result' })).toBeNull();
  });

  it('never offers the manager to close a pulse', async () => {
    show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart={false} isHr={false} />, [
      read([pulse({ status: 'open', comments: null, focusAreas: [area('focus-1', 'Develops leaders', null)] })]),
    ]);
    expect(await screen.findByText('Develops leaders')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close now and see the result' })).toBeNull();
  });

  it('HR sees how many answered and never a focus area or figure', async () => {
    show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart isHr />, [
      read([pulse({ focusAreas: null, comments: null })]),
    ]);
    expect(await screen.findByText('6 of 7 raters answered')).toBeTruthy();
    expect(screen.queryByText(/Develops leaders/)).toBeNull();
    expect(screen.getByText(/the focus areas and the result are Ben Lead’s/)).toBeTruthy();
  });
  it('lets the leader ask someone new besides the raters (from their candidates), and shows a refusal beside the person', async () => {
    const sent: unknown[] = [];
    const open = pulse({ status: 'open', answered: 0, invited: 8, focusAreas: null, comments: null });
    const candidates = [
      { id: 'k1', name: 'Kim Partner', department: 'Sales' },
      { id: 'c1', name: 'Cy Peer', department: null },
    ];
    show(<PulseSection cycleId="c1" subjectId="s1" subjectName="Ben Lead" canStart isHr={false} candidates={candidates} />, [
      read([]),
      {
        request: { query: START_PULSE, variables: () => true },
        result: {
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [
                  { field: 'input.newRaters[0].personId', message: 'is already asked: a rater of the leader in the cycle followed up' },
                ],
              },
            },
          ],
        },
      },
      started(open, sent),
      read([open]),
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Start a follow-up pulse' }));
    const pick = async (name: string) => {
      await user.click(screen.getByRole('button', { name: 'Add someone' }));
      // from the keyboard: type to filter, then pick the first match
      await user.type(screen.getByRole('combobox', { name: 'Person' }), name);
      await user.keyboard('{ArrowDown}{Enter}');
      await user.click(screen.getByRole('button', { name: 'Add' }));
    };
    await pick('Cy Peer');
    await user.click(screen.getByRole('button', { name: 'Send to the raters' }));
    // the gateway's reason, beside the person it concerns; nothing went out
    expect(await screen.findByText('is already asked: a rater of the leader in the cycle followed up')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Do not ask Cy Peer' }));
    await pick('Kim Partner');
    expect(screen.getByText('Kim Partner (Sales) — Peers')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send to the raters' }));
    expect(await screen.findByText('The pulse went out to 8 raters.')).toBeTruthy();
    expect(sent).toEqual([
      {
        input: {
          cycleId: 'c1',
          subjectId: 's1',
          closesAt: expect.stringMatching(/T17:00:00.000Z$/),
          newRaters: [{ personId: 'k1', group: 'peer' }],
        },
      },
    ]);
  });
});
