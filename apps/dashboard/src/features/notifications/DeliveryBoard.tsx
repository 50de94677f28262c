import { Badge, Button, Card, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { GROUP_LABELS } from '../../app/theme';
import { ErrorState, Loading } from '../../app/ui';
import { deliveryLabel } from './messages';
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
  const { data, loading, error, refetch } = useQuery(CYCLE_MAIL_DELIVERIES, {
    variables: { cycleId },
    fetchPolicy: 'cache-and-network',
    pollInterval: live ? 5000 : 0,
  });
  const [resend, resendState] = useMutation(RESEND_INVITATION);
  if (error) return <ErrorState error={error} what="Mail delivery could not be loaded" />;
  if (loading && !data) return <Loading label="Loading mail delivery…" />;
  const rows = data?.cycleMailDeliveries ?? [];
  return (
    <Card padding={0} mt="lg">
      <Text fw={650} p="md" pb={4}>
        Mail delivery
      </Text>
      <Text size="xs" c="dimmed" px="md" pb="sm">
        Invitation and latest reminder per rater. Hover a state for the mail server’s answer.
      </Text>
      {resendState.error && <ErrorState error={resendState.error} what="The invitation was not resent" />}
      <ScrollArea.Autosize mah={520} type="auto">
        <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label="Mail delivery per rater">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rater</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>As</Table.Th>
              <Table.Th>Invitation</Table.Th>
              <Table.Th>Reminder</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.assignmentId} data-rater={r.raterName}>
                <Table.Td>{r.raterName}</Table.Td>
                <Table.Td>{r.subjectName}</Table.Td>
                <Table.Td>{GROUP_LABELS[r.group]}</Table.Td>
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
                      aria-label={`Resend the invitation to ${r.raterName}`}
                    >
                      Resend
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
