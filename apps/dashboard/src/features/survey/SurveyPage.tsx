import { Box, Button, Card, Container, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { BrandMark } from '../../app/BrandMark';
import { describeError } from '../../app/errors';
import { ErrorState, Loading } from '../../app/ui';
import type { RaterSurveyQuery } from '../../gql/graphql';
import { surveyRequest, takePrefetchedSurvey } from './api';
import { RATER_SURVEY, SAVE_SURVEY_DRAFT, SUBMIT_SURVEY } from './operations';
import { SurveyForm, type AnswerPayload, type CommentPayload } from './SurveyForm';
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

export function SurveyPage({ token }: { token: string }) {
  const [state, setState] = useState<{ data?: RaterSurveyQuery; error?: unknown; attempt: number }>({ attempt: 0 });
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    let stale = false;
    // The first attempt takes the request survey.html started before the scripts arrived.
    surveyRequest(RATER_SURVEY, { token }, state.attempt === 0 ? takePrefetchedSurvey(token) : undefined).then(
      (data) => !stale && setState((s) => ({ ...s, data, error: undefined })),
      (error: unknown) => !stale && setState((s) => ({ ...s, error })),
    );
    return () => {
      stale = true;
    };
  }, [token, state.attempt]);
  const data = state.data;
  const error = state.error;
  const loading = !data && !error;
  const refetch = () => setState((s) => ({ attempt: s.attempt + 1, data: s.data }));
  const [done, setDone] = useState<{ submittedAt: string } | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);

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
          setSubmitError(new Error(receipt.reasons.map((r) => r.message).join(' ') || 'Your answers were refused.'));
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
    [token],
  );

  const survey = data?.raterSurvey;
  const intl = useIntl();
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
            <SurveyForm survey={survey} onSaveDraft={onSaveDraft} onSubmit={onSubmit} submitting={submitting} />
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

const longDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** A submitted link says that it was submitted and when; the answers are the rater's alone and are not shown again. */
function Submitted({ subjectName, submittedAt }: { subjectName: string; submittedAt: string | null }) {
  return (
    <Card padding="xl" ta="center" className="survey-confirmation" role="status">
      <Title order={1} fz={24}>
        You have already submitted this survey — thank you
      </Title>
      <Text mt="sm" c="dimmed">
        Your feedback about {subjectName} was submitted{submittedAt ? ` on ${longDate(submittedAt)}` : ''}. It can no longer be changed, and
        nobody — you included — can open your answers through this link.
      </Text>
    </Card>
  );
}

/** A closed cycle's link: a notice, not a form. */
function Closed({ cycleName, closedAt }: { cycleName: string; closedAt: string }) {
  return (
    <Card padding="xl" ta="center" role="status">
      <Title order={1} fz={24}>
        This survey closed on {longDate(closedAt)}
      </Title>
      <Text mt="sm" c="dimmed">
        {cycleName} no longer takes answers. If you think you should still have been able to answer, contact the HR team who sent the link.
      </Text>
    </Card>
  );
}

function SurveyLinkProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const intl = useIntl();
  const problem = describeError(error, intl);
  if (problem.code === 'NETWORK') return <ErrorState error={error} what="Your survey could not be opened" onRetry={onRetry} />;
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
        Try again
      </Button>
    </Card>
  );
}
