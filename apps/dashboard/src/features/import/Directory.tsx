import { Badge, Card, Group, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable } from '../../app/VirtualTable';
import { PersonDataActions } from '../data-protection/PersonDataActions';
import { GiveSignIn } from './GiveSignIn';
import { directoryMessages as messages } from './messages';
import { DIRECTORY } from './operations';

/** People per page: the server searches, sorts and pages; the next page comes as the user scrolls. */
export const DIRECTORY_PAGE = 100;

export function Directory() {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [sort, setSort] = useState<'NAME' | 'EMPLOYEE_ID'>('NAME');
  const [leadersOnly, setLeadersOnly] = useState(false);
  const variables = {
    first: DIRECTORY_PAGE,
    filter: { search: debounced || undefined, leadersOfLeadersOnly: leadersOnly || undefined },
    sort: { by: sort, direction: 'ASC' as const },
  };
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(DIRECTORY, { variables, fetchPolicy: 'cache-and-network' });
  const next = useNextPage((options) => fetchMore(options), data?.directory.pageInfo, JSON.stringify(variables));
  const shown = (data ?? previousData)?.directory;
  const people = shown?.nodes ?? [];
  const total = shown?.totalCount ?? 0;
  return (
    <Card>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg">
            {intl.formatMessage(messages.title)}
          </Title>
          <Text size="sm" c="dimmed">
            {debounced
              ? intl.formatMessage(messages.countMatching, { count: total, search: debounced })
              : intl.formatMessage(messages.count, { count: total })}
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            aria-label={intl.formatMessage(messages.searchLabel)}
            placeholder={intl.formatMessage(messages.searchPlaceholder)}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={240}
          />
          <Select
            aria-label={intl.formatMessage(messages.sortLabel)}
            data={[
              { value: 'NAME', label: intl.formatMessage(messages.sortName) },
              { value: 'EMPLOYEE_ID', label: intl.formatMessage(messages.sortEmployeeId) },
            ]}
            value={sort}
            onChange={(v) => setSort(v === 'EMPLOYEE_ID' ? 'EMPLOYEE_ID' : 'NAME')}
            allowDeselect={false}
            w={200}
          />
          <Switch
            label={intl.formatMessage(messages.leadersOnly)}
            checked={leadersOnly}
            onChange={(e) => setLeadersOnly(e.currentTarget.checked)}
          />
        </Group>
      </Group>
      {error && <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />}
      {loading && !shown && <Loading label={intl.formatMessage(messages.loading)} />}
      {shown && people.length === 0 && !loading && (
        <EmptyState title={intl.formatMessage(messages.emptyTitle)}>{intl.formatMessage(messages.emptyBody)}</EmptyState>
      )}
      {people.length > 0 && (
        <Card.Section mt="md" inheritPadding>
          <VirtualTable
            label={intl.formatMessage(messages.table)}
            rowCount={people.length}
            totalCount={total}
            hasNextPage={next.hasNextPage}
            loadingMore={next.loadingMore}
            onLoadMore={next.loadMore}
            estimateRowHeight={58}
            measureRows
            columnCount={5}
            maxHeight={480}
            tableProps={{ striped: true, fz: 'sm', verticalSpacing: 6 }}
            header={
              <Table.Tr aria-rowindex={1}>
                <Table.Th>{intl.formatMessage(messages.name)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.jobTitle)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.department)}</Table.Th>
                <Table.Th ta="right">{intl.formatMessage(messages.directReports)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.signIn)}</Table.Th>
              </Table.Tr>
            }
            renderRow={(index, rowProps) => {
              const p = people[index];
              return (
                <Table.Tr key={p.id} {...rowProps}>
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
              );
            }}
          />
        </Card.Section>
      )}
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(messages.loadFailed)} onRetry={next.retry} />}
    </Card>
  );
}
