import { Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useIntl } from 'react-intl';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import type { CycleFieldsFragment } from '../../gql/graphql';
import { SubjectRaters } from './NominationsReview';
import { messages as m } from './messages';
import { APPROVE_NOMINATIONS, CYCLES, NOMINATIONS } from './operations';

/** One leader's list in one cycle, for the leader themself or their manager. */
function RaterList({
  cycle,
  subject,
  mode,
}: {
  cycle: CycleFieldsFragment;
  subject: CycleFieldsFragment['subjects'][number];
  mode: 'manager' | 'subject';
}) {
  const intl = useIntl();
  const variables = { cycleId: cycle.id, subjectId: subject.id };
  const { data, loading, error, refetch } = useQuery(NOMINATIONS, { variables, fetchPolicy: 'cache-and-network' });
  const [approve, approveState] = useMutation(APPROVE_NOMINATIONS, {
    refetchQueries: [{ query: NOMINATIONS, variables }],
    awaitRefetchQueries: true,
  });
  if (error)
    return (
      <ErrorState error={error} what={intl.formatMessage(m.ratersLoadFailed, { name: subject.name })} onRetry={() => void refetch()} />
    );
  if (loading && !data) return <Loading label={intl.formatMessage(m.ratersLoading)} />;
  const nominations = (data?.nominations ?? []).filter((n) => n.status !== 'removed');
  return (
    <>
      <SubjectRaters
        cycle={cycle}
        subject={subject}
        nominations={nominations}
        editable
        mode={mode}
        onApprove={() => void approve({ variables }).catch(() => undefined)}
        approving={approveState.loading}
      />
      {approveState.error && <ErrorState error={approveState.error} what={intl.formatMessage(m.ratersNotApproved)} />}
    </>
  );
}

/** Managers: the rater lists of the leaders who report to them, in cycles still being set up. */
export function ApprovalsView() {
  const { me } = useAuth();
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(CYCLES, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.yourCyclesLoadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(m.loading)} />;
  const personId = me?.person?.id;
  const waiting = (data?.cycles ?? [])
    .filter((c) => c.status === 'DRAFT')
    .flatMap((c) => c.subjects.filter((s) => s.managerId === personId).map((s) => ({ cycle: c, subject: s })));
  if (waiting.length === 0)
    return <EmptyState title={intl.formatMessage(m.nothingToApproveTitle)}>{intl.formatMessage(m.nothingToApprove)}</EmptyState>;
  return (
    <Stack gap="lg">
      {waiting.map(({ cycle, subject }) => (
        <Stack key={`${cycle.id}:${subject.id}`} gap="xs">
          <Title order={2} fz="md">
            {cycle.name}
          </Title>
          <RaterList cycle={cycle} subject={subject} mode="manager" />
        </Stack>
      ))}
    </Stack>
  );
}

/** Leaders: their own rater list while the cycle is being set up; they may propose peers and partners. */
export function MyRaterList({ cycle }: { cycle: CycleFieldsFragment }) {
  const { me } = useAuth();
  const intl = useIntl();
  const subject = cycle.subjects.find((s) => s.id === me?.person?.id);
  if (!subject) return null;
  return (
    <Card padding="md" withBorder={false} bg="transparent">
      <Text size="sm" mb="xs">
        {intl.formatMessage(m.myRaterList, { cycle: cycle.name })}
      </Text>
      <RaterList cycle={cycle} subject={subject} mode="subject" />
    </Card>
  );
}
