import { Badge, Card, Group, ScrollArea, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { PersonDataActions } from '../data-protection/PersonDataActions';
import { GiveSignIn } from './GiveSignIn';
import { PEOPLE } from './operations';

export function Directory() {
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
            Directory
          </Title>
          <Text size="sm" c="dimmed">
            {people.length} {people.length === 1 ? 'person' : 'people'}
            {debounced ? ` matching “${debounced}”` : ''} · leaders of leaders are marked
          </Text>
        </div>
        <TextInput
          aria-label="Search people"
          placeholder="Search by name or e-mail"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
      </Group>
      {error && <ErrorState error={error} what="The directory could not be loaded" onRetry={() => void refetch()} />}
      {loading && !data && <Loading label="Loading the directory…" />}
      {data && people.length === 0 && <EmptyState title="Nobody here yet">Import your organisation from a CSV file above.</EmptyState>}
      {people.length > 0 && (
        <ScrollArea.Autosize mah={480} mt="md" type="auto" viewportProps={{ tabIndex: 0, 'aria-label': 'Directory, scrollable' }}>
          <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label="Directory">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th ta="right">Direct reports</Table.Th>
                <Table.Th>Sign-in</Table.Th>
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
                          Leader of leaders
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
