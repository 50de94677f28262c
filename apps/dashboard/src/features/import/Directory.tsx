import { Badge, Card, Group, ScrollArea, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { PersonDataActions } from '../data-protection/PersonDataActions';
import { GiveSignIn } from './GiveSignIn';
import { directoryMessages as messages } from './messages';
import { PEOPLE } from './operations';

export function Directory() {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, loading, error, refetch } = useQuery(PEOPLE, {
    variables: { search: debounced || null, limit: 500 },
    fetchPolicy: 'cache-and-network',
  });
  const people = data?.people ?? [];
  return (
    <Card>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg">
            {intl.formatMessage(messages.title)}
          </Title>
          <Text size="sm" c="dimmed">
            {debounced
              ? intl.formatMessage(messages.countMatching, { count: people.length, search: debounced })
              : intl.formatMessage(messages.count, { count: people.length })}
          </Text>
        </div>
        <TextInput
          aria-label={intl.formatMessage(messages.searchLabel)}
          placeholder={intl.formatMessage(messages.searchPlaceholder)}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
      </Group>
      {error && <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />}
      {loading && !data && <Loading label={intl.formatMessage(messages.loading)} />}
      {data && people.length === 0 && (
        <EmptyState title={intl.formatMessage(messages.emptyTitle)}>{intl.formatMessage(messages.emptyBody)}</EmptyState>
      )}
      {people.length > 0 && (
        <ScrollArea.Autosize
          mah={480}
          mt="md"
          type="auto"
          viewportProps={{ tabIndex: 0, 'aria-label': intl.formatMessage(messages.scrollable) }}
        >
          <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label={intl.formatMessage(messages.table)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{intl.formatMessage(messages.name)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.jobTitle)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.department)}</Table.Th>
                <Table.Th ta="right">{intl.formatMessage(messages.directReports)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.signIn)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}{' '}
                      {p.isLeaderOfLeaders && (
                        <Badge size="xs" variant="light" ml={4}>
                          {intl.formatMessage(messages.leaderOfLeaders)}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.title ?? '—'}</Table.Td>
                  <Table.Td>{p.department ?? '—'}</Table.Td>
                  <Table.Td ta="right">{p.directReportCount}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <GiveSignIn person={p} />
                      <PersonDataActions person={p} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
