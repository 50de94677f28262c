import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithTheme } from '../../test/render';
import { SurveyForm, type SurveyData } from './SurveyForm';
import { SurveyIntro } from './SurveyIntro';

const survey: SurveyData = {
  cycleName: 'Leadership 360 — spring',
  subjectName: 'Ada Lovelace',
  relationship: 'peer',
  identifiable: false,
  anonymityThreshold: 3,
  anonymityNote: 'Your answers are combined with others in your group and shown only when at least 3 people in the group have answered.',
  closesAt: '2030-01-31T00:00:00.000Z',
  closedAt: null,
  submittedAt: null,
  status: 'invited',
  notAbleToRateLabel: 'Not able to rate',
  scale: ['Almost never', 'Rarely', 'Sometimes', 'Often', 'Almost always'].map((label, i) => ({ value: i + 1, label })),
  dimensions: [
    {
      id: 'develops-leaders',
      name: 'Develops leaders',
      description: 'Grows the people who report to them into effective leaders.',
      items: [
        { id: 'dl-1', text: 'Has identified possible successors.' },
        { id: 'dl-2', text: 'Leaders who work for them visibly grow.' },
      ],
    },
    {
      id: 'alignment',
      name: 'Creates alignment',
      description: 'Shapes purpose and direction together.',
      items: [{ id: 'al-1', text: 'Explains what changed and why.' }],
    },
  ],
  answers: [],
  comments: [],
};

describe('SurveyForm', () => {
  it('groups the statements by dimension, each with the labelled scale and "not able to rate"', () => {
    renderWithTheme(<SurveyForm survey={survey} onSubmit={vi.fn()} />);
    const develops = screen.getByRole('region', { name: 'Develops leaders' });
    expect(within(develops).getAllByRole('radiogroup')).toHaveLength(2);
    const alignment = screen.getByRole('region', { name: 'Creates alignment' });
    const group = within(alignment).getByRole('radiogroup', { name: /Explains what changed and why/ });
    for (const label of ['Almost never', 'Rarely', 'Sometimes', 'Often', 'Almost always', 'Not able to rate']) {
      expect(within(group).getByRole('radio', { name: label })).toBeInTheDocument();
    }
    expect(within(develops).getByLabelText(/Comment on “Develops leaders”/)).toBeInTheDocument();
  });

  it('introduces the subject, the relationship and the anonymity promise', () => {
    renderWithTheme(<SurveyIntro survey={survey} />);
    expect(screen.getByRole('heading', { name: 'Feedback for Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('a peer')).toBeInTheDocument();
    expect(screen.getByText(/shown only when at least 3 people/)).toBeInTheDocument();
    expect(screen.getByText(/manager’s answers are the exception/)).toBeInTheDocument();
  });

  it('shows progress as statements are answered, and "not able to rate" counts as an answer', async () => {
    const user = userEvent.setup();
    renderWithTheme(<SurveyForm survey={survey} onSubmit={vi.fn()} />);
    const progress = screen.getByRole('progressbar', { name: /0 of 3 answered/ });
    expect(progress).toHaveAttribute('aria-valuenow', '0');
    await user.click(within(screen.getByRole('radiogroup', { name: /possible successors/ })).getByRole('radio', { name: 'Often' }));
    await user.click(within(screen.getByRole('radiogroup', { name: /visibly grow/ })).getByRole('radio', { name: 'Not able to rate' }));
    expect(screen.getByText('2 of 3 answered')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
  });

  it('validates before submitting: names the statements still missing and submits nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithTheme(<SurveyForm survey={survey} onSubmit={onSubmit} />);
    await user.click(within(screen.getByRole('radiogroup', { name: /possible successors/ })).getByRole('radio', { name: 'Often' }));
    await user.click(screen.getByRole('button', { name: 'Submit feedback' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Please answer 2 more statements before you submit');
    expect(within(alert).getByRole('link', { name: /Leaders who work for them visibly grow/ })).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: /Explains what changed and why/ })).toBeInTheDocument();
    expect(within(alert).queryByText(/possible successors/)).not.toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('radiogroup', { name: /visibly grow/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('is operable by keyboard alone: tab into a statement, arrow through the scale, submit with Enter', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithTheme(<SurveyForm survey={survey} onSubmit={onSubmit} />);
    const first = within(screen.getByRole('radiogroup', { name: /possible successors/ })).getAllByRole('radio');
    await user.tab();
    expect(first[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(first[2]).toBeChecked(); // Sometimes
    for (const name of [/visibly grow/, /Explains what changed/]) {
      await user.tab();
      const radios = within(screen.getByRole('radiogroup', { name })).getAllByRole('radio');
      await user.tab(); // past the comment box of the first dimension where there is one
      radios[0].focus();
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
      expect(radios[3]).toBeChecked();
    }
    screen.getByRole('button', { name: 'Submit feedback' }).focus();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const [answers] = onSubmit.mock.calls[0];
    expect(answers).toEqual([
      { itemId: 'dl-1', value: 3 },
      { itemId: 'dl-2', value: 4 },
      { itemId: 'al-1', value: 4 },
    ]);
  });

  it('autosaves a moment after a change and resumes from a saved draft', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const onSaveDraft = vi.fn().mockResolvedValue({ savedAt: '2030-01-01T10:42:00.000Z' });
      const resumed: SurveyData = {
        ...survey,
        answers: [{ itemId: 'dl-1', value: 5 }],
        comments: [{ dimensionId: 'alignment', text: 'Clear.' }],
      };
      renderWithTheme(<SurveyForm survey={resumed} onSubmit={vi.fn()} onSaveDraft={onSaveDraft} autosaveDelayMs={500} />);
      expect(
        within(screen.getByRole('radiogroup', { name: /possible successors/ })).getByRole('radio', { name: 'Almost always' }),
      ).toBeChecked();
      expect(screen.getByLabelText(/Comment on “Creates alignment”/)).toHaveValue('Clear.');
      expect(screen.getByText('1 of 3 answered')).toBeInTheDocument();
      await user.click(within(screen.getByRole('radiogroup', { name: /visibly grow/ })).getByRole('radio', { name: 'Rarely' }));
      await act(async () => {
        vi.advanceTimersByTime(600);
      });
      expect(onSaveDraft).toHaveBeenCalledWith(
        [
          { itemId: 'dl-1', value: 5 },
          { itemId: 'dl-2', value: 2 },
        ],
        [{ dimensionId: 'alignment', text: 'Clear.' }],
      );
      expect(await screen.findByText(/Saved/)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a submitted survey read-only', () => {
    renderWithTheme(<SurveyForm survey={{ ...survey, status: 'submitted' }} onSubmit={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Submit feedback' })).not.toBeInTheDocument();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
  });
});
