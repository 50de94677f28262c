import { Alert, Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState, Loading } from '../../app/ui';
import { messages } from './messages';
import { RESPONSE_RETENTION, SET_RESPONSE_RETENTION } from './operations';

/** HR: how long raw answers of closed cycles are kept, and when each closed cycle's are (or were) deleted. */
export function RetentionSettings() {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(RESPONSE_RETENTION, { fetchPolicy: 'cache-and-network' });
  const [save, saving] = useMutation(SET_RESPONSE_RETENTION);
  const [value, setValue] = useState<string | number | null>(null);
  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(messages.retentionTitle)} />;
  const retention = saving.data?.setResponseRetention ?? data!.responseRetention;
  const shown = value ?? retention.months ?? '';
  const months = shown === '' ? null : Number(shown);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium' });
  return (
    <Card padding="lg">
      <Stack gap="sm">
        <Title order={3}>{intl.formatMessage(messages.retentionTitle)}</Title>
        <Text size="sm">{intl.formatMessage(messages.retentionIntro)}</Text>
        <Text size="sm" fw={600}>
          {intl.formatMessage(messages.current, { months: retention.months === null ? 'keep' : retention.months })}
        </Text>
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={intl.formatMessage(messages.monthsLabel)}
            description={intl.formatMessage(messages.monthsHint)}
            min={1}
            max={240}
            allowDecimal={false}
            value={shown}
            onChange={setValue}
            w={360}
          />
          <Button
            loading={saving.loading}
            onClick={() =>
              void save({ variables: { months } }).then(
                () => setValue(null),
                () => undefined,
              )
            }
          >
            {intl.formatMessage(messages.save)}
          </Button>
        </Group>
        {saving.error && <ErrorState error={saving.error} what={intl.formatMessage(messages.notSaved)} />}
        {saving.data && !saving.error && (
          <Alert color="teal" variant="light" role="status">
            {intl.formatMessage(messages.saved, {
              months: saving.data.setResponseRetention.months === null ? 'keep' : saving.data.setResponseRetention.months,
            })}
          </Alert>
        )}
        {retention.cycles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {intl.formatMessage(messages.noClosedCycles)}
          </Text>
        ) : (
          <Table aria-label={intl.formatMessage(messages.tableLabel)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{intl.formatMessage(messages.cycle)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.closed)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.rawAnswers)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {retention.cycles.map((c) => (
                <Table.Tr key={c.cycleId}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{date(c.closedAt)}</Table.Td>
                  <Table.Td>
                    {c.deletedAt
                      ? intl.formatMessage(messages.deletedOn, { date: date(c.deletedAt) })
                      : c.deleteOn
                        ? intl.formatMessage(messages.deleteOn, { date: date(c.deleteOn) })
                        : intl.formatMessage(messages.kept)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
