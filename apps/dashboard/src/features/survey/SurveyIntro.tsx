import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconEyeOff, IconLock, IconUserCheck } from '@tabler/icons-react';
import { formatDate, RELATIONSHIP } from '../../app/theme';
import type { SurveyData } from './SurveyForm';

/** Who the survey is about, who the rater is to them, and the anonymity promise in plain words. */
export function SurveyIntro({ survey }: { survey: SurveyData }) {
  const self = survey.relationship === 'self';
  return (
    <Card className="survey-intro" padding="xl">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" fw={600}>
          {survey.cycleName}
        </Text>
        <Badge variant="light" color="gray">
          Open until {formatDate(survey.closesAt)}
        </Badge>
      </Group>
      <Title order={1} fz={{ base: 24, sm: 30 }} mt="xs">
        {self ? 'Your self-assessment' : `Feedback for ${survey.subjectName}`}
      </Title>
      <Text mt="xs" size="md">
        {self ? (
          <>You are rating <b>yourself</b>, {survey.subjectName}. Your view is set beside what others see.</>
        ) : (
          <>
            You are rating <b>{survey.subjectName}</b> as <b>{RELATIONSHIP[survey.relationship] ?? survey.relationship}</b>. Think about what you have seen them do in the last six to twelve months.
          </>
        )}
      </Text>
      <Stack mt="lg" gap="sm" className="anonymity-promise" aria-label="Anonymity">
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
                ? 'Your self-ratings are shown to you beside the figures from others.'
                : 'As their manager, your answers are shown on their own and can be identified as yours.'
              : `A group’s figures appear only from ${survey.anonymityThreshold} answers. The manager’s answers are the exception: they are shown on their own and can be identified.`}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
