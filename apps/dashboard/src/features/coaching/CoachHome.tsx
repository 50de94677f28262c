import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { describeError } from '../../app/errors';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../app/ui';
import { m } from './messages';
import { COMPLETE_DEBRIEF, MY_COACHEES } from './operations';

/** The coach's home: their leaders, cycle by cycle, with the report, the plan and the debrief button. */
export function CoachHome() {
  const intl = useIntl();
  const query = useQuery(MY_COACHEES, { fetchPolicy: 'cache-and-network' });
  const [complete, completing] = useMutation(COMPLETE_DEBRIEF, { refetchQueries: [MY_COACHEES] });
  const [marked, setMarked] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  if (query.error) return <ErrorState error={query.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void query.refetch()} />;
  if (query.loading && !query.data) return <Loading label={intl.formatMessage(m.homeLoading)} />;
  const coachees = query.data?.myCoachees ?? [];
  if (coachees.length === 0)
    return <EmptyState title={intl.formatMessage(m.homeEmptyTitle)}>{intl.formatMessage(m.homeEmptyBody)}</EmptyState>;
  const cycles = [...new Map(coachees.map((c) => [c.cycleId, c.cycleName])).entries()];
  const date = (iso: string) => intl.formatDate(new Date(iso), { dateStyle: 'medium' });

  const markDone = async (cycleId: string, subjectId: string, name: string) => {
    setMarked(null);
    setPending(`${cycleId}:${subjectId}`);
    const result = await complete({ variables: { cycleId, subjectId } }).catch(() => null);
    setPending(null);
    if (result?.data) setMarked(intl.formatMessage(m.marked, { name }));
  };

  return (
    <Stack gap="lg">
      {marked && (
        <Alert color="teal" variant="light" role="status">
          {marked}
        </Alert>
      )}
      {completing.error && (
        <Alert color="red" variant="light" role="alert" title={intl.formatMessage(m.markFailed)}>
          {describeError(completing.error, intl).message}
        </Alert>
      )}
      {cycles.map(([cycleId, cycleName]) => (
        <Card key={cycleId} padding="lg" component="section" aria-labelledby={`coachees-${cycleId}`}>
          <Title order={2} size="h4" id={`coachees-${cycleId}`} mb="sm">
            {cycleName}
          </Title>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {coachees
              .filter((c) => c.cycleId === cycleId)
              .map((c) => {
                const report = `/cycles/${c.cycleId}/reports/${c.subjectId}`;
                return (
                  <li key={c.subjectId}>
                    <Group justify="space-between" wrap="wrap" gap="sm">
                      <Stack gap={2}>
                        <Text fw={600}>{c.subjectName}</Text>
                        <Group gap="xs">
                          {!c.released ? (
                            <Badge color="gray" variant="outline" tt="none">
                              {intl.formatMessage(m.notReleased)}
                            </Badge>
                          ) : c.debriefDoneAt ? (
                            <Badge color="teal" variant="light" tt="none">
                              {intl.formatMessage(m.debriefed, { date: date(c.debriefDoneAt) })}
                            </Badge>
                          ) : (
                            <Badge color="orange" variant="light" tt="none">
                              {intl.formatMessage(m.awaitingDebrief)}
                            </Badge>
                          )}
                        </Group>
                      </Stack>
                      {c.released && (
                        <Group gap="md" wrap="wrap">
                          <Anchor component={Link} to={report}>
                            {intl.formatMessage(m.openReport, { name: c.subjectName })}
                          </Anchor>
                          {c.hasPlan ? (
                            <Anchor component={Link} to={`${report}#development-plan`}>
                              {intl.formatMessage(m.openPlan, { name: c.subjectName })}
                            </Anchor>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {intl.formatMessage(m.noPlanYet)}
                            </Text>
                          )}
                          {!c.debriefDoneAt && (
                            <Button
                              size="sm"
                              aria-label={intl.formatMessage(m.markDoneLabel, { name: c.subjectName })}
                              title={intl.formatMessage(m.markDoneConfirm, { name: c.subjectName })}
                              loading={pending === `${c.cycleId}:${c.subjectId}`}
                              onClick={() => void markDone(c.cycleId, c.subjectId, c.subjectName)}
                            >
                              {intl.formatMessage(m.markDone)}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Group>
                  </li>
                );
              })}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** The coach's page (route /coaching). */
export function CoachingPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.homeEyebrow)}
        title={intl.formatMessage(m.homeTitle)}
        description={intl.formatMessage(m.homeDescription)}
      />
      <CoachHome />
    </>
  );
}
