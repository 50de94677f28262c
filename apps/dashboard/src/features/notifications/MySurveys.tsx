import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatDate, GROUP_LABELS } from '../../app/theme';
import { ErrorState } from '../../app/ui';
import { words } from './messages';
import { MY_SURVEYS } from './operations';

/** "My surveys to answer": the signed-in person's own open surveys (leaders and managers rate others too). */
export function MySurveys() {
  const { data, error } = useQuery(MY_SURVEYS, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what="Your surveys could not be loaded" />;
  const surveys = data?.mySurveys ?? [];
  return (
    <Card mb="lg" aria-labelledby="my-surveys-title">
      <Text fw={650} id="my-surveys-title">
        {words['mySurveys.title']}
      </Text>
      {surveys.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>
          {words['mySurveys.empty']}
        </Text>
      ) : (
        <Stack gap="xs" mt="sm">
          {surveys.map((s) => (
            <Group key={s.assignmentId} justify="space-between" wrap="wrap">
              <div>
                <Anchor component={Link} to={s.path} fw={600} className="my-survey-link">
                  {s.subjectName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {s.cycleName} · as {GROUP_LABELS[s.relationship]} · open until {formatDate(s.closesAt)}
                </Text>
              </div>
              <Badge variant="light" color={s.status === 'started' ? 'yellow' : 'gray'}>
                {s.status === 'started' ? 'Started' : 'Not started'}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
