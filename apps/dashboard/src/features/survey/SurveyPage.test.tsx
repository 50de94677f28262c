import { act, screen, waitFor, within } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RaterSurveyQuery } from '../../gql/graphql';
import { SurveyApp } from '../../survey-app';

/**
 * The survey page as the gateway sends it (rendered from the survey without the rater's saved
 * answers, `survey-server.tsx`) and as the browser then hydrates it: the same HTML, no mismatch,
 * and the saved answers and anything answered before the script ran end up in the form.
 */
const page: RaterSurveyQuery = {
  raterSurvey: {
    cycleName: 'Leadership 360 — spring',
    subjectName: 'Łukasz Żółć',
    relationship: 'peer',
    identifiable: false,
    anonymityThreshold: 3,
    anonymityNote: 'Your answers are combined with others in your group.',
    closesAt: '2030-01-31T23:30:00.000Z',
    closedAt: null,
    submittedAt: null,
    status: 'started',
    notAbleToRateLabel: 'Not able to rate',
    scale: ['Almost never', 'Rarely', 'Sometimes', 'Often', 'Almost always'].map((label, i) => ({ value: i + 1, label })),
    dimensions: [
      {
        id: 'develops-leaders',
        name: 'Develops leaders',
        description: 'Grows the people who report to them.',
        items: [
          { id: 'dl-1', text: 'Has identified possible successors.' },
          { id: 'dl-2', text: 'Leaders who work for them visibly grow.' },
          { id: 'dl-3', text: 'Gives honest feedback.' },
        ],
      },
    ],
    answers: [],
    comments: [],
  },
};
/** What the page's own GraphQL request answers: the same survey with the saved draft. */
const withDraft: RaterSurveyQuery = {
  raterSurvey: {
    ...page.raterSurvey,
    answers: [{ itemId: 'dl-1', value: 4 }],
    comments: [{ dimensionId: 'develops-leaders', text: 'Saved.' }],
  },
};

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function serve(): HTMLElement {
  const container = document.createElement('div');
  container.id = 'root';
  container.innerHTML = renderToString(<SurveyApp token="" initial={page} />);
  document.body.appendChild(container);
  return container;
}

describe('SurveyPage rendered by the gateway, then hydrated', () => {
  it('shows the questions before any script, with submitting left to the script', () => {
    const container = serve();
    expect(within(container).getAllByRole('radiogroup')).toHaveLength(3);
    expect(within(container).getByRole('heading', { level: 1 }).textContent).toBe('Feedback for Łukasz Żółć');
    expect(within(container).getByRole('button', { name: 'Submit feedback' })).toBeDisabled();
    // The server does not know the rater's time zone: dates there are in UTC.
    expect(container.textContent).toContain('Open until Jan 31, 2030');
    expect(container.querySelector('input:checked')).toBeNull();
  });

  it('hydrates without a mismatch, then fills in the saved draft and keeps what was answered before the script ran', async () => {
    const requests: { query: string; variables: Record<string, unknown> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: { body: string }) => {
        const body = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
        requests.push(body);
        const data = body.query.includes('saveSurveyDraft')
          ? { saveSurveyDraft: { answered: 2, total: 3, savedAt: '2030-01-10T10:00:00.000Z' } }
          : withDraft;
        return new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const container = serve();
    // The rater answers the second statement on the server's HTML, before the script arrives.
    const early = container.querySelector<HTMLInputElement>('input[name="item-dl-2"][value="5"]')!;
    early.checked = true;
    const problems: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error');
    await act(async () => {
      root = hydrateRoot(container, <SurveyApp token="the-token" initial={page} />, {
        onRecoverableError: (error) => problems.push(error),
      });
    });
    expect(problems).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    expect(screen.getByRole('button', { name: 'Submit feedback' })).toBeEnabled();
    // The saved draft (first statement, and the comment) arrives and joins the early answer.
    await waitFor(() => expect(screen.getByText('2 of 3 answered')).toBeTruthy());
    expect(container.querySelector<HTMLInputElement>('input[name="item-dl-1"][value="4"]')!.checked).toBe(true);
    expect(container.querySelector<HTMLInputElement>('input[name="item-dl-2"][value="5"]')!.checked).toBe(true);
    expect(container.querySelector('textarea')!.value).toBe('Saved.');
    // Autosave (only once the draft is known) sends both, so the early answer does not erase the draft.
    await waitFor(() => expect(requests.some((r) => r.query.includes('saveSurveyDraft'))).toBe(true), { timeout: 5000 });
    const saved = requests.find((r) => r.query.includes('saveSurveyDraft'))!.variables.input as {
      answers: { itemId: string; value: number | null }[];
      comments: { dimensionId: string; text: string }[];
    };
    expect(saved.answers).toEqual([
      { itemId: 'dl-1', value: 4 },
      { itemId: 'dl-2', value: 5 },
    ]);
    expect(saved.comments).toEqual([{ dimensionId: 'develops-leaders', text: 'Saved.' }]);
  });
});
