import { Badge, Button, Card, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useIntl } from 'react-intl';
import { useGroupLabel } from '../../app/i18n';
import { ErrorState, Loading } from '../../app/ui';
import { deliveryLabel, deliveryMessages as messages } from './messages';
import { CYCLE_MAIL_DELIVERIES, RESEND_INVITATION } from './operations';

function State({ state }: { state: { status: string; reason: string | null; attempts: number } | null }) {
  if (!state)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const { label, color } = deliveryLabel(state.status);
  const badge = (
    <Badge variant="light" color={color} data-status={state.status}>
      {label}
      {state.status === 'deferred' ? ` (${state.attempts})` : ''}
    </Badge>
  );
  return state.reason ? (
    <Tooltip label={state.reason} multiline maw={360}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** Mail delivery per rater on the progress board (never a link), with "resend" for one rater. */
export function DeliveryBoard({ cycleId, live }: { cycleId: string; live: boolean }) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const { data, loading, error, refetch } = useQuery(CYCLE_MAIL_DELIVERIES, {
    variables: { cycleId },
    fetchPolicy: 'cache-and-network',
    pollInterval: live ? 5000 : 0,
  });
  const [resend, resendState] = useMutation(RESEND_INVITATION);
  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} />;
  if (loading && !data) return <Loading label={intl.formatMessage(messages.loading)} />;
  const rows = data?.cycleMailDeliveries ?? [];
  return (
    <Card padding={0} mt="lg">
      <Text fw={650} p="md" pb={4}>
        {intl.formatMessage(messages.title)}
      </Text>
      <Text size="xs" c="dimmed" px="md" pb="sm">
        {intl.formatMessage(messages.explain)}
      </Text>
      {resendState.error && <ErrorState error={resendState.error} what={intl.formatMessage(messages.resendFailed)} />}
      <ScrollArea.Autosize mah={520} type="auto">
        <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label={intl.formatMessage(messages.table)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{intl.formatMessage(messages.rater)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.about)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.as)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.invitation)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.reminder)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.assignmentId} data-rater={r.raterName}>
                <Table.Td>{r.raterName}</Table.Td>
                <Table.Td>{r.subjectName}</Table.Td>
                <Table.Td>{groupLabel(r.group)}</Table.Td>
                <Table.Td>
                  <State state={r.invitation} />
                </Table.Td>
                <Table.Td>
                  <State state={r.reminder} />
                </Table.Td>
                <Table.Td>
                  {live && r.surveyStatus !== 'submitted' && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={resendState.loading && resendState.data === undefined}
                      onClick={() => void resend({ variables: { assignmentId: r.assignmentId } }).then(() => refetch())}
                      aria-label={intl.formatMessage(messages.resendLabel, { name: r.raterName })}
                    >
                      {intl.formatMessage(messages.resend)}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
