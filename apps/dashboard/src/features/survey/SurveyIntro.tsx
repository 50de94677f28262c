import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconEyeOff, IconLock, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { RaterGroup } from '../../gql/graphql';
import { useSurveyDate } from './hydration';
import { messages } from './messages';
import type { SurveyData } from './SurveyForm';

/** Who the survey is about, who the rater is to them, and the anonymity promise in plain words. */
const RELATIONSHIP = {
  self: messages.relationshipSelf,
  manager: messages.relationshipManager,
  peer: messages.relationshipPeer,
  direct_report: messages.relationshipDirectReport,
  skip_level: messages.relationshipSkipLevel,
  other: messages.relationshipOther,
} satisfies Record<RaterGroup, unknown>;

export function SurveyIntro({ survey }: { survey: SurveyData }) {
  const self = survey.relationship === 'self';
  const intl = useIntl();
  const date = useSurveyDate();
  // Each <b>…</b> of a message becomes one element of a list: each needs its own key.
  let bolds = 0;
  const bold = (chunks: ReactNode[]) => <b key={bolds++}>{chunks}</b>;
  return (
    <Card className="survey-intro" padding="xl">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" fw={600}>
          {survey.cycleName}
        </Text>
        <Badge variant="light" color="gray">
          <FormattedMessage id="survey.intro.openUntil" defaultMessage="Open until {date}" values={{ date: date(survey.closesAt) }} />
        </Badge>
      </Group>
      <Title order={1} fz={{ base: 24, sm: 30 }} mt="xs">
        {self
          ? intl.formatMessage({ id: 'survey.intro.titleSelf', defaultMessage: 'Your self-assessment' })
          : intl.formatMessage({ id: 'survey.intro.title', defaultMessage: 'Feedback for {name}' }, { name: survey.subjectName })}
      </Title>
      <Text mt="xs" size="md">
        {self ? (
          <FormattedMessage
            id="survey.intro.self"
            defaultMessage="You are rating <b>yourself</b>, {name}. Your view is set beside what others see."
            values={{ name: survey.subjectName, b: bold }}
          />
        ) : (
          <FormattedMessage
            id="survey.intro.other"
            defaultMessage="You are rating <b>{name}</b> as <b>{relationship}</b>. Think about what you have seen them do in the last six to twelve months."
            values={{
              name: survey.subjectName,
              relationship: RELATIONSHIP[survey.relationship] ? intl.formatMessage(RELATIONSHIP[survey.relationship]) : survey.relationship,
              b: bold,
            }}
          />
        )}
      </Text>
      <Stack
        mt="lg"
        gap="sm"
        className="anonymity-promise"
        aria-label={intl.formatMessage({ id: 'survey.intro.anonymity', defaultMessage: 'Anonymity' })}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" radius="xl" size={30} color="teal" aria-hidden>
            <IconLock size={17} />
          </ThemeIcon>
          <Text size="sm">{survey.anonymityNote}</Text>
        </Group>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" radius="xl" size={30} color={survey.identifiable ? 'orange' : 'gray'} aria-hidden>
            {survey.identifiable ? <IconUserCheck size={17} /> : <IconEyeOff size={17} />}
          </ThemeIcon>
          <Text size="sm">
            {survey.identifiable
              ? self
                ? intl.formatMessage({
                    id: 'survey.intro.identifiableSelf',
                    defaultMessage: 'Your self-ratings are shown to you beside the figures from others.',
                  })
                : intl.formatMessage({
                    id: 'survey.intro.identifiableManager',
                    defaultMessage: 'As their manager, your answers are shown on their own and can be identified as yours.',
                  })
              : intl.formatMessage(
                  {
                    id: 'survey.intro.threshold',
                    defaultMessage:
                      'A group’s figures appear only from {threshold, plural, one {# answer} other {# answers}}. The manager’s answers are the exception: they are shown on their own and can be identified.',
                  },
                  { threshold: survey.anonymityThreshold },
                )}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
