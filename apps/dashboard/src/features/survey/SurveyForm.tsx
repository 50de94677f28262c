import { FormattedMessage, useIntl } from 'react-intl';
import { Alert, Anchor, Badge, Box, Button, Card, Group, List, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconCloudCheck, IconCloudUpload, IconCloudX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { RaterSurveyQuery } from '../../gql/graphql';
import { useHydrated } from './hydration';

export type SurveyData = RaterSurveyQuery['raterSurvey'];
export interface AnswerPayload {
  itemId: string;
  value: number | null;
}
export interface CommentPayload {
  dimensionId: string;
  text: string;
}
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

export interface SurveyFormProps {
  survey: SurveyData;
  /** Autosave: called a moment after each change with everything answered so far. */
  onSaveDraft?: (answers: AnswerPayload[], comments: CommentPayload[]) => Promise<{ savedAt: string } | void>;
  onSubmit: (answers: AnswerPayload[], comments: CommentPayload[]) => Promise<void>;
  autosaveDelayMs?: number;
  submitting?: boolean;
}

/** undefined: not answered yet; null: "not able to rate"; 1..5: a point on the scale. */
type Answers = Record<string, number | null | undefined>;

export function SurveyForm({ survey, onSaveDraft, onSubmit, autosaveDelayMs = 1200, submitting = false }: SurveyFormProps) {
  const readOnly = survey.status === 'submitted';
  const items = useMemo(() => survey.dimensions.flatMap((d) => d.items.map((item) => ({ ...item, dimension: d }))), [survey.dimensions]);
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(survey.answers.map((a) => [a.itemId, a.value])));
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(survey.comments.map((c) => [c.dimensionId, c.text])),
  );
  const initialAnswers = useRef(answers);
  const initialComments = useRef(comments);
  // The saved answers arrive after the page is shown (the gateway's HTML has none): they fill in
  // whatever the rater has not answered in the meantime.
  const [draftsFrom, setDraftsFrom] = useState(survey.answers);
  if (draftsFrom !== survey.answers) {
    setDraftsFrom(survey.answers);
    const saved = Object.fromEntries(survey.answers.map((a) => [a.itemId, a.value]));
    const written = Object.fromEntries(survey.comments.map((c) => [c.dimensionId, c.text]));
    setAnswers((prev) => ({ ...saved, ...prev }));
    setComments((prev) => ({ ...written, ...Object.fromEntries(Object.entries(prev).filter(([, text]) => text.trim())) }));
  }
  const [missing, setMissing] = useState<string[] | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const dirty = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();

  // Answers given on the gateway's HTML before the script arrived are in the page, not in React's
  // state (hydration keeps what the rater chose): take them over once, as if just chosen.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const chosen: Answers = {};
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type=radio]:checked'))
      chosen[input.name.replace(/^item-/, '')] = input.value === 'na' ? null : Number(input.value);
    const written: Record<string, string> = {};
    for (const area of form.querySelectorAll<HTMLTextAreaElement>('textarea[name^="comment-"]'))
      if (area.value.trim()) written[area.name.replace(/^comment-/, '')] = area.value;
    const newAnswers = Object.entries(chosen).filter(([id, value]) => initialAnswers.current[id] !== value);
    const newComments = Object.entries(written).filter(([id, text]) => initialComments.current[id] !== text);
    if (newAnswers.length === 0 && newComments.length === 0) return;
    dirty.current = true;
    setAnswers((prev) => ({ ...prev, ...Object.fromEntries(newAnswers) }));
    setComments((prev) => ({ ...prev, ...Object.fromEntries(newComments) }));
  }, []);

  const answered = items.filter((item) => answers[item.id] !== undefined).length;
  const total = items.length;

  const payload = useCallback((): [AnswerPayload[], CommentPayload[]] => {
    const a = items.filter((i) => answers[i.id] !== undefined).map((i) => ({ itemId: i.id, value: answers[i.id] ?? null }));
    const c = Object.entries(comments)
      .filter(([, text]) => text.trim().length > 0)
      .map(([dimensionId, text]) => ({ dimensionId, text: text.trim() }));
    return [a, c];
  }, [items, answers, comments]);

  // Autosave a moment after the last change.
  useEffect(() => {
    if (!dirty.current || !onSaveDraft || readOnly) return;
    const save = async () => {
      setSave({ kind: 'saving' });
      try {
        const [a, c] = payload();
        const result = await onSaveDraft(a, c);
        dirty.current = false;
        setSave({ kind: 'saved', at: result?.savedAt ?? new Date().toISOString() });
      } catch (error) {
        setSave({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    };
    const timer = setTimeout(() => void save(), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [answers, comments, payload, onSaveDraft, autosaveDelayMs, readOnly]);

  // Once every missing item is answered, the summary goes away.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- clears the summary once; a later cleared answer must not bring it back
    if (missing && missing.every((id) => answers[id] !== undefined)) setMissing(null);
  }, [answers, missing]);

  const choose = (itemId: string, value: number | null) => {
    dirty.current = true;
    setAnswers((prev) => ({ ...prev, [itemId]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    const stillMissing = items.filter((i) => answers[i.id] === undefined).map((i) => i.id);
    if (stillMissing.length > 0) {
      setMissing(stillMissing);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setMissing(null);
    const [a, c] = payload();
    await onSubmit(a, c);
  };

  const numbered = new Map(items.map((item, index) => [item.id, index + 1]));
  const intl = useIntl();

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={intl.formatMessage({ id: 'survey.form.label', defaultMessage: 'Feedback about {name}' }, { name: survey.subjectName })}
    >
      <Paper className="survey-progress" shadow="xs" p="sm" withBorder>
        <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
          <Text size="sm" fw={600} id="survey-progress-label">
            <FormattedMessage
              id="survey.progress"
              defaultMessage="{answered, number} of {total, number} answered"
              values={{ answered, total }}
            />
          </Text>
          <SaveIndicator state={save} readOnly={readOnly} />
        </Group>
        <Progress.Root size="md" radius="xl">
          <Progress.Section
            value={total ? (answered / total) * 100 : 0}
            withAria={false}
            role="progressbar"
            aria-labelledby="survey-progress-label"
            aria-valuenow={answered}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuetext={intl.formatMessage(
              { id: 'survey.progress', defaultMessage: '{answered, number} of {total, number} answered' },
              { answered, total },
            )}
          />
        </Progress.Root>
      </Paper>
      {/* On phones the card above scrolls away; this 4px bar at the top edge keeps progress in view without covering any text. */}
      <div className="survey-progress-edge" aria-hidden>
        <div style={{ width: `${total ? (answered / total) * 100 : 0}%` }} />
      </div>

      <Stack gap="xl" mt="lg">
        {survey.dimensions.map((dimension, dIndex) => (
          <Card key={dimension.id} component="section" aria-labelledby={`dim-${dimension.id}`} className="survey-dimension">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.6}>
              <FormattedMessage
                id="survey.part"
                defaultMessage="Part {part, number} of {parts, number}"
                values={{ part: dIndex + 1, parts: survey.dimensions.length }}
              />
            </Text>
            <Title order={2} fz={{ base: 19, sm: 22 }} id={`dim-${dimension.id}`} mt={2}>
              {dimension.name}
            </Title>
            <Text c="dimmed" size="sm" mt={4} mb="md">
              {dimension.description}
            </Text>
            <Stack gap="lg">
              {dimension.items.map((item) => (
                <ScaleQuestion
                  key={item.id}
                  number={numbered.get(item.id)!}
                  itemId={item.id}
                  text={item.text}
                  scale={survey.scale}
                  naLabel={survey.notAbleToRateLabel}
                  value={answers[item.id]}
                  invalid={Boolean(missing?.includes(item.id))}
                  disabled={readOnly}
                  onChange={(v) => choose(item.id, v)}
                />
              ))}
            </Stack>
            <Textarea
              mt="lg"
              label={intl.formatMessage(
                { id: 'survey.comment.label', defaultMessage: 'Comment on “{dimension}” (optional)' },
                { dimension: dimension.name },
              )}
              description={
                survey.identifiable
                  ? intl.formatMessage({ id: 'survey.comment.identifiable', defaultMessage: 'Shown to the leader as written.' })
                  : intl.formatMessage(
                      {
                        id: 'survey.comment.anonymous',
                        defaultMessage:
                          'Shown only if at least {threshold, plural, one {# person} other {# people}} in your group answer, and never with your name.',
                      },
                      { threshold: survey.anonymityThreshold },
                    )
              }
              autosize
              minRows={2}
              maxLength={2000}
              name={`comment-${dimension.id}`}
              value={comments[dimension.id] ?? ''}
              disabled={readOnly}
              onChange={(e) => {
                const text = e.currentTarget.value;
                dirty.current = true;
                setComments((prev) => ({ ...prev, [dimension.id]: text }));
              }}
            />
          </Card>
        ))}
      </Stack>

      {missing && missing.length > 0 && (
        <Alert
          ref={summaryRef}
          tabIndex={-1}
          mt="xl"
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          title={intl.formatMessage(
            {
              id: 'survey.missing.title',
              defaultMessage: 'Please answer {count, plural, one {# more statement} other {# more statements}} before you submit',
            },
            { count: missing.length },
          )}
          role="alert"
          className="missing-summary"
        >
          <Text size="sm" mb="xs">
            <FormattedMessage
              id="survey.missing.hint"
              defaultMessage="If you have not seen the behaviour, choose “{na}”."
              values={{ na: survey.notAbleToRateLabel }}
            />
          </Text>
          <List size="sm" spacing={4}>
            {missing.map((id) => {
              const item = items.find((i) => i.id === id)!;
              return (
                <List.Item key={id}>
                  <Anchor
                    href={`#item-${id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const first = document.querySelector<HTMLInputElement>(`#item-${CSS.escape(id)} input`);
                      first?.focus();
                      first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
                    }}
                  >
                    {numbered.get(id)}. {item.text}
                  </Anchor>{' '}
                  <Text span c="dimmed" size="xs">
                    ({item.dimension.name})
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}

      {!readOnly && (
        <Group justify="space-between" mt="xl" className="survey-submit" wrap="wrap">
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="survey.submit.hint"
              defaultMessage="Your answers are saved as you go; you can close this page and come back with the same link."
            />
          </Text>
          {/* Disabled in the gateway's HTML until the script runs: submitting needs it. */}
          <Button type="submit" size="md" loading={submitting} disabled={!hydrated}>
            <FormattedMessage id="survey.submit" defaultMessage="Submit feedback" />
          </Button>
        </Group>
      )}
    </form>
  );
}

function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  if (readOnly)
    return (
      <Badge color="green" variant="light">
        <FormattedMessage id="survey.saved.submitted" defaultMessage="Submitted" />
      </Badge>
    );
  const common = { size: 'xs' as const, c: 'dimmed', role: 'status' as const, 'aria-live': 'polite' as const };
  switch (state.kind) {
    case 'saving':
      return (
        <Text {...common}>
          <IconCloudUpload size={14} aria-hidden className="inline-icon" />{' '}
          <FormattedMessage id="survey.saved.saving" defaultMessage="Saving…" />
        </Text>
      );
    case 'saved':
      return (
        <Text {...common}>
          <IconCloudCheck size={14} aria-hidden className="inline-icon" />{' '}
          <FormattedMessage id="survey.saved.at" defaultMessage="Saved {at, time, short}" values={{ at: new Date(state.at) }} />
        </Text>
      );
    case 'failed':
      return (
        <Text {...common} c="red.8">
          <IconCloudX size={14} aria-hidden className="inline-icon" />{' '}
          <FormattedMessage id="survey.saved.failed" defaultMessage="Not saved yet — your answers are kept on this page" />
        </Text>
      );
    default:
      return (
        <Text {...common}>
          <FormattedMessage id="survey.saved.auto" defaultMessage="Saved automatically" />
        </Text>
      );
  }
}

interface ScaleQuestionProps {
  number: number;
  itemId: string;
  text: string;
  scale: { value: number; label: string }[];
  naLabel: string;
  value: number | null | undefined;
  invalid: boolean;
  disabled: boolean;
  onChange: (value: number | null) => void;
}

/** One statement: a native radio group (arrow keys move, screen readers announce the legend). */
export function ScaleQuestion({ number, itemId, text, scale, naLabel, value, invalid, disabled, onChange }: ScaleQuestionProps) {
  const name = `item-${itemId}`;
  return (
    <Box
      component="fieldset"
      role="radiogroup"
      id={name}
      className={`scale-question${invalid ? ' is-invalid' : ''}`}
      aria-invalid={invalid || undefined}
      disabled={disabled}
    >
      <legend className="scale-legend">
        <span className="scale-number" aria-hidden>
          {number}
        </span>
        <span>{text}</span>
      </legend>
      {invalid && (
        <Text size="xs" c="red.8" mb={6}>
          <FormattedMessage id="survey.item.invalid" defaultMessage="Choose an answer, or “{na}”." values={{ na: naLabel }} />
        </Text>
      )}
      <div className="scale-options">
        {scale.map((point) => (
          <label key={point.value} className="scale-option">
            <input type="radio" name={name} value={point.value} checked={value === point.value} onChange={() => onChange(point.value)} />
            <span className="scale-value" aria-hidden>
              {point.value}
            </span>
            <span className="scale-label">{point.label}</span>
          </label>
        ))}
        <label className="scale-option scale-na">
          <input type="radio" name={name} value="na" checked={value === null} onChange={() => onChange(null)} />
          <span className="scale-label">{naLabel}</span>
        </label>
      </div>
    </Box>
  );
}
