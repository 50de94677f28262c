import { Box, Button, Card, Container, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { BrandMark } from '../../app/BrandMark';
import { useDocumentTitle } from '../../app/DocumentTitle';
import { describeError, PlainError } from '../../app/errors';
import { titleMessages } from '../../app/messages';
import { ErrorState, Loading } from '../../app/ui';
import type { RaterSurveyQuery } from '../../gql/graphql';
import { surveyRequest, takePrefetchedSurvey } from './api';
import { RATER_SURVEY, SAVE_SURVEY_DRAFT, SUBMIT_SURVEY } from './operations';
import { SurveyForm, type AnswerPayload, type CommentPayload } from './SurveyForm';
import { useSurveyDate } from './hydration';
import { messages, rejectionMessage } from './messages';
import { SurveyIntro } from './SurveyIntro';

/** One idempotency key per link, kept across reloads, so a retried submit is never counted twice. */
function idempotencyKey(token: string): string {
  const storageKey = `leaderscope.submit.${token.slice(0, 24)}`;
  try {
    const existing = localStorage.getItem(storageKey);
    if (existing) return existing;
    const key = crypto.randomUUID();
    localStorage.setItem(storageKey, key);
    return key;
  } catch {
    return crypto.randomUUID();
  }
}

/**
 * The survey behind a link. `initial` is the survey the gateway rendered into the page as HTML
 * (without the rater's saved answers): the page is hydrated from it, so the questions show before
 * the script and the GraphQL answer arrive. The saved answers come with the request survey.html
 * started; autosave waits for them, so a draft is never overwritten by a page that has not seen it.
 */
export function SurveyPage({ token, initial }: { token: string; initial?: RaterSurveyQuery }) {
  const [state, setState] = useState<{ data?: RaterSurveyQuery; complete: boolean; error?: unknown; attempt: number }>({
    data: initial,
    complete: false,
    attempt: 0,
  });
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    let stale = false;
    // The first attempt takes the request survey.html started before the scripts arrived.
    surveyRequest(RATER_SURVEY, { token }, state.attempt === 0 ? takePrefetchedSurvey(token) : undefined).then(
      (data) => !stale && setState((s) => ({ ...s, data, complete: true, error: undefined })),
      (error: unknown) => !stale && setState((s) => ({ ...s, error })),
    );
    return () => {
      stale = true;
    };
  }, [token, state.attempt]);
  const data = state.data;
  const error = state.error;
  const loading = !data && !error;
  const refetch = () => setState((s) => ({ ...s, error: undefined, attempt: s.attempt + 1 }));
  const [done, setDone] = useState<{ submittedAt: string } | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const intl = useIntl();
  // survey.html's own <title> stands until the script runs; from here on it is the message's.
  useDocumentTitle(titleMessages.survey);

  const onSaveDraft = useCallback(
    async (answers: AnswerPayload[], comments: CommentPayload[]) => {
      const result = await surveyRequest(SAVE_SURVEY_DRAFT, { input: { token, answers, comments } });
      return { savedAt: result.saveSurveyDraft.savedAt };
    },
    [token],
  );

  const onSubmit = useCallback(
    async (answers: AnswerPayload[], comments: CommentPayload[]) => {
      setSubmitError(null);
      setSubmitting(true);
      try {
        const result = await surveyRequest(SUBMIT_SURVEY, { input: { token, answers, comments, idempotencyKey: idempotencyKey(token) } });
        const receipt = result.submitSurvey;
        if (receipt?.status === 'rejected') {
          setSubmitError(new PlainError(intl.formatMessage(rejectionMessage(receipt.reasons))));
          return;
        }
        setDone({ submittedAt: receipt?.acceptedAt ?? new Date().toISOString() });
        window.scrollTo({ top: 0 });
      } catch (e) {
        setSubmitError(e);
      } finally {
        setSubmitting(false);
      }
    },
    [token, intl],
  );

  const survey = data?.raterSurvey;
  return (
    <Box className="survey-shell">
      <header className="survey-header">
        <Container size="md" py="sm">
          <BrandMark />
        </Container>
      </header>
      <Container size="md" py={{ base: 'xs', sm: 'xl' }} component="main" id="main">
        {loading && <Loading label={intl.formatMessage({ id: 'survey.loading', defaultMessage: 'Opening your survey…' })} />}
        {error != null && !data && <SurveyLinkProblem error={error} onRetry={refetch} />}
        {survey && done && <Confirmation subjectName={survey.subjectName} />}
        {survey && !done && survey.status === 'submitted' && (
          <Submitted subjectName={survey.subjectName} submittedAt={survey.submittedAt} />
        )}
        {survey && !done && survey.status !== 'submitted' && survey.closedAt && (
          <Closed cycleName={survey.cycleName} closedAt={survey.closedAt} />
        )}
        {survey && !done && survey.status !== 'submitted' && !survey.closedAt && (
          <Stack gap="md">
            <SurveyIntro survey={survey} />
            {error != null && !state.complete && (
              <ErrorState error={error} what={intl.formatMessage(messages.draftsFailed)} onRetry={refetch} />
            )}
            <SurveyForm
              survey={survey}
              onSaveDraft={state.complete ? onSaveDraft : undefined}
              onSubmit={onSubmit}
              submitting={submitting}
            />
            {submitError != null && (
              <ErrorState
                error={submitError}
                what={intl.formatMessage({ id: 'survey.submit.failed', defaultMessage: 'Your feedback was not submitted' })}
              />
            )}
          </Stack>
        )}
      </Container>
    </Box>
  );
}

function Confirmation({ subjectName }: { subjectName: string }) {
  return (
    <Card padding="xl" ta="center" className="survey-confirmation" role="status">
      <Stack align="center" gap="sm">
        <ThemeIcon size={64} radius="xl" color="teal" variant="light">
          <IconCircleCheck size={38} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={26}>
          <FormattedMessage id="survey.done.title" defaultMessage="Thank you — your feedback is in" />
        </Title>
        <Text maw={520} c="dimmed">
          <FormattedMessage
            id="survey.done.body"
            defaultMessage="Your answers about {name} have been received. They will be combined with others’ and shared only as the anonymity promise says. You can close this page."
            values={{ name: subjectName }}
          />
        </Text>
      </Stack>
    </Card>
  );
}

/** A submitted link says that it was submitted and when; the answers are the rater's alone and are not shown again. */
function Submitted({ subjectName, submittedAt }: { subjectName: string; submittedAt: string | null }) {
  const intl = useIntl();
  const date = useSurveyDate();
  return (
    <Card padding="xl" ta="center" className="survey-confirmation" role="status">
      <Title order={1} fz={24}>
        {intl.formatMessage(messages.submittedTitle)}
      </Title>
      <Text mt="sm" c="dimmed">
        {intl.formatMessage(messages.submittedBody, { name: subjectName, date: submittedAt ? date(submittedAt, 'long') : 'none' })}
      </Text>
    </Card>
  );
}

/** A closed cycle's link: a notice, not a form. */
function Closed({ cycleName, closedAt }: { cycleName: string; closedAt: string }) {
  const intl = useIntl();
  const date = useSurveyDate();
  return (
    <Card padding="xl" ta="center" role="status">
      <Title order={1} fz={24}>
        {intl.formatMessage(messages.closedTitle, { date: date(closedAt, 'long') })}
      </Title>
      <Text mt="sm" c="dimmed">
        {intl.formatMessage(messages.closedBody, { cycle: cycleName })}
      </Text>
    </Card>
  );
}

function SurveyLinkProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const intl = useIntl();
  const problem = describeError(error, intl);
  if (problem.code === 'NETWORK') return <ErrorState error={error} what={intl.formatMessage(messages.openFailed)} onRetry={onRetry} />;
  return (
    <Card padding="xl" role="alert">
      <Title order={1} fz={24}>
        <FormattedMessage id="survey.link.title" defaultMessage="This survey link does not work" />
      </Title>
      <Text mt="sm">{problem.message}</Text>
      <Text mt="sm" c="dimmed" size="sm">
        <FormattedMessage
          id="survey.link.hint"
          defaultMessage="The link may be mistyped, or the review cycle may have closed. Ask the HR team who sent it for a new one."
        />
      </Text>
      <Button mt="md" variant="light" onClick={onRetry}>
        {intl.formatMessage(messages.tryAgain)}
      </Button>
    </Card>
  );
}
