import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useIntl } from 'react-intl';
import { useGroupLabel } from '../../app/i18n';
import { formatDate } from '../../app/theme';
import { ErrorState } from '../../app/ui';
import { mySurveysMessages as messages, sharedMessages } from './messages';
import { MY_SURVEYS } from './operations';

/** "My surveys to answer": the signed-in person's own open surveys (leaders and managers rate others too). */
export function MySurveys() {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const { data, error } = useQuery(MY_SURVEYS, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} />;
  const surveys = data?.mySurveys ?? [];
  return (
    <Card mb="lg" aria-labelledby="my-surveys-title">
      <Text fw={650} id="my-surveys-title">
        {intl.formatMessage(sharedMessages.mySurveysTitle)}
      </Text>
      {surveys.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>
          {intl.formatMessage(sharedMessages.mySurveysEmpty)}
        </Text>
      ) : (
        <Stack gap="xs" mt="sm">
          {surveys.map((s) => (
            <Group key={s.assignmentId} justify="space-between" wrap="wrap">
              <div>
                {/* a page load, not a client-side route: the gateway serves the survey's own light page (survey.html) */}
                <Anchor href={s.path} fw={600} className="my-survey-link">
                  {s.subjectName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {intl.formatMessage(messages.details, {
                    cycle: s.cycleName,
                    group: groupLabel(s.relationship),
                    closes: formatDate(s.closesAt),
                  })}
                </Text>
              </div>
              <Badge variant="light" color={s.status === 'started' ? 'yellow' : 'gray'}>
                {intl.formatMessage(s.status === 'started' ? messages.started : messages.notStarted)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
