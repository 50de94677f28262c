import {
  Alert,
  Badge,
  Box,
  Card,
  Group,
  Progress,
  RingProgress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { percent } from '../../app/format';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { groupNoun, useGroupLabel } from '../../app/i18n';
import { GROUP_ORDER } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable, type VirtualRowProps } from '../../app/VirtualTable';
import type { ProgressFieldsFragment, SubjectProgressFieldsFragment } from '../../gql/graphql';
import { messages } from './messages';
import { CYCLE_PROGRESS, CYCLE_PROGRESS_CHANGED, CYCLE_PROGRESS_SUBJECTS } from './operations';

/** Live progress: subjects × rater groups, response rates and who has not answered — never what anyone answered. */
export function ProgressBoard({ cycleId, live }: { cycleId: string; live: boolean }) {
  const intl = useIntl();
  const { data, loading, error, refetch, subscribeToMore } = useQuery(CYCLE_PROGRESS, {
    variables: { cycleId },
    fetchPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (!live) return;
    return subscribeToMore({
      document: CYCLE_PROGRESS_CHANGED,
      variables: { cycleId },
      updateQuery: (_prev, { subscriptionData }) =>
        subscriptionData.data ? { cycleProgress: subscriptionData.data.cycleProgressChanged } : undefined,
    });
  }, [live, cycleId, subscribeToMore]);

  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(messages.loading)} />;
  if (!data) return null;
  const p = data.cycleProgress;
  return (
    <ProgressView progress={p} live={live}>
      <ProgressSubjects cycleId={cycleId} revision={[p.invited, p.started, p.submitted, p.recorded, p.counted].join(':')} />
    </ProgressView>
  );
}

/** Subjects per page: the server filters, sorts and pages; the next page comes as HR scrolls. */
export const PROGRESS_PAGE = 100;

type SubjectSort = 'NAME' | 'RESPONSE_RATE' | 'AWAITING';

/**
 * The rows per subject, a page at a time. When the figures move (`revision`: a live push), the
 * rows loaded so far are read again in one request, so HR keeps their place in the list.
 */
function ProgressSubjects({ cycleId, revision }: { cycleId: string; revision: string }) {
  const intl = useIntl();
  const client = useApolloClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [awaitingOnly, setAwaitingOnly] = useState(false);
  const [sort, setSort] = useState<SubjectSort>('NAME');
  const variables = {
    cycleId,
    first: PROGRESS_PAGE,
    filter: { search: debounced || undefined, awaitingOnly: awaitingOnly || undefined },
    // Lowest rate and most raters awaited first: who needs a reminder.
    sort: { by: sort, direction: sort === 'AWAITING' ? ('DESC' as const) : ('ASC' as const) },
  };
  const { data, previousData, error, refetch, fetchMore } = useQuery(CYCLE_PROGRESS_SUBJECTS, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const next = useNextPage((options) => fetchMore(options), data?.cycleProgressSubjects.pageInfo, JSON.stringify(variables));
  const page = (data ?? previousData)?.cycleProgressSubjects;
  const loaded = page?.nodes.length ?? 0;
  const seen = useRef(revision);
  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    void client
      .query({
        query: CYCLE_PROGRESS_SUBJECTS,
        variables: { ...variables, first: Math.min(500, Math.max(PROGRESS_PAGE, loaded)) },
        fetchPolicy: 'network-only',
      })
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new revision reads the rows again
  }, [revision]);

  return (
    <Card padding={0}>
      <Group gap="sm" p="md" wrap="wrap" align="flex-end">
        <TextInput
          aria-label={intl.formatMessage(messages.search)}
          placeholder={intl.formatMessage(messages.search)}
          leftSection={<IconSearch size={15} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={220}
          size="xs"
        />
        <Select
          aria-label={intl.formatMessage(messages.sort)}
          data={[
            { value: 'NAME', label: intl.formatMessage(messages.sortName) },
            { value: 'RESPONSE_RATE', label: intl.formatMessage(messages.sortRate) },
            { value: 'AWAITING', label: intl.formatMessage(messages.sortAwaiting) },
          ]}
          value={sort}
          onChange={(v) => setSort(v ?? 'NAME')}
          allowDeselect={false}
          w={240}
          size="xs"
        />
        <Switch
          label={intl.formatMessage(messages.awaitingOnly)}
          checked={awaitingOnly}
          onChange={(e) => setAwaitingOnly(e.currentTarget.checked)}
          size="sm"
        />
      </Group>
      {error && <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />}
      {!page && !error && <Loading label={intl.formatMessage(messages.loading)} />}
      {page && (
        <SubjectProgressTable
          rows={page.nodes}
          totalCount={page.totalCount}
          hasNextPage={next.hasNextPage}
          loadingMore={next.loadingMore}
          onLoadMore={next.loadMore}
        />
      )}
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(messages.loadFailed)} onRetry={next.retry} />}
    </Card>
  );
}

/** Subjects × rater groups: submitted of invited per group, who has not answered (one row per subject, virtualised). */
export function SubjectProgressTable({
  rows,
  totalCount,
  hasNextPage = false,
  loadingMore = false,
  onLoadMore = () => undefined,
}: {
  rows: SubjectProgressFieldsFragment[];
  totalCount: number;
  hasNextPage?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const groups = GROUP_ORDER.filter((g) => rows.some((s) => s.groups.some((x) => x.group === g)));
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed" p="md">
        {intl.formatMessage(messages.noMatch)}
      </Text>
    );
  return (
    <VirtualTable
      label={intl.formatMessage(messages.tableLabel)}
      rowCount={rows.length}
      totalCount={totalCount}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      estimateRowHeight={64}
      measureRows
      columnCount={groups.length + 2}
      minWidth={640}
      tableProps={{ verticalSpacing: 'sm', horizontalSpacing: 'md' }}
      header={
        <Table.Tr aria-rowindex={1}>
          <Table.Th>{intl.formatMessage(messages.leader)}</Table.Th>
          {groups.map((g) => (
            <Table.Th key={g}>{groupLabel(g)}</Table.Th>
          ))}
          <Table.Th ta="right">{intl.formatMessage(messages.overall)}</Table.Th>
        </Table.Tr>
      }
      renderRow={(index, rowProps) => <SubjectRow key={rows[index].subject.id} row={rows[index]} groups={groups} rowProps={rowProps} />}
    />
  );
}

export function ProgressView({ progress, live, children }: { progress: ProgressFieldsFragment; live: boolean; children?: ReactNode }) {
  const intl = useIntl();
  if (progress.invited === 0)
    return <EmptyState title={intl.formatMessage(messages.emptyTitle)}>{intl.formatMessage(messages.emptyBody)}</EmptyState>;
  const rate = Math.round(progress.responseRate * 100);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
        <Card padding="md">
          <Group gap="md" wrap="nowrap">
            <RingProgress
              size={74}
              thickness={8}
              roundCaps
              sections={[{ value: rate, color: rate >= 70 ? 'teal' : 'brand' }]}
              label={
                <Text ta="center" fw={700} size="sm">
                  {percent(progress.responseRate)}
                </Text>
              }
              aria-hidden
            />
            <div>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {intl.formatMessage(messages.responseRate)}
              </Text>
              {live && (
                <Badge mt={4} color="teal" variant="dot">
                  {intl.formatMessage(messages.live)}
                </Badge>
              )}
            </div>
          </Group>
        </Card>
        <Figure label={intl.formatMessage(messages.invited)} value={progress.invited} />
        <Figure label={intl.formatMessage(messages.started)} value={progress.started} />
        <Figure
          label={intl.formatMessage(messages.submitted)}
          hint={intl.formatMessage(messages.submittedHint)}
          value={progress.submitted}
        />
        <Figure label={intl.formatMessage(messages.recorded)} hint={intl.formatMessage(messages.recordedHint)} value={progress.recorded} />
        <Figure label={intl.formatMessage(messages.counted)} hint={intl.formatMessage(messages.countedHint)} value={progress.counted} />
      </SimpleGrid>
      {progress.submitted > 0 && <Consistency consistency={progress.consistency} />}
      {children}
    </Stack>
  );
}

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const intl = useIntl();
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {intl.formatNumber(value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** How long ago, in the largest whole unit that fits (seconds, minutes, hours, days). */
function useDuration() {
  const intl = useIntl();
  return (seconds: number) => {
    const [value, unit] =
      seconds < 120
        ? [seconds, 'second']
        : seconds < 7200
          ? [Math.floor(seconds / 60), 'minute']
          : seconds < 172800
            ? [Math.floor(seconds / 3600), 'hour']
            : [Math.floor(seconds / 86400), 'day'];
    return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
  };
}

/** The difference between submitted, recorded and counted, and how old it is: in flight, or stuck. */
function Consistency({ consistency: c }: { consistency: ProgressFieldsFragment['consistency'] }) {
  const intl = useIntl();
  const duration = useDuration();
  const checked = intl.formatMessage(messages.checkedAt, { time: intl.formatTime(c.checkedAt, { timeStyle: 'medium' }) });
  if (c.notCounted === 0)
    return (
      <Text size="sm" c="dimmed" role="status">
        {intl.formatMessage(messages.allCounted)} {checked}
      </Text>
    );
  const age = duration(c.ageSeconds ?? 0);
  if (!c.stuck)
    return (
      <Text size="sm" c="dimmed" role="status">
        {intl.formatMessage(messages.inFlight, { notCounted: c.notCounted, notRecorded: c.notRecorded, age })} {checked}
      </Text>
    );
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={intl.formatMessage(messages.stuckTitle)}
      role="alert"
    >
      {intl.formatMessage(messages.stuckBody, {
        notCounted: c.notCounted,
        notRecorded: c.notRecorded,
        limit: duration(c.staleAfterSeconds),
        received: intl.formatDate(c.oldestReceivedAt ?? c.checkedAt, { dateStyle: 'medium', timeStyle: 'short' }),
        age,
      })}{' '}
      {checked}
    </Alert>
  );
}

function SubjectRow({ row, groups, rowProps }: { row: SubjectProgressFieldsFragment; groups: string[]; rowProps: VirtualRowProps }) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const [open, setOpen] = useState(false);
  const invited = row.groups.reduce((a, g) => a + g.invited, 0);
  const submitted = row.groups.reduce((a, g) => a + g.submitted, 0);
  const waiting = row.nonResponders.length;
  return (
    <Table.Tr {...rowProps}>
      <Table.Td miw={260} maw={420}>
        <UnstyledButton onClick={() => setOpen((v) => !v)} aria-expanded={open} disabled={waiting === 0} className="row-toggle">
          <Group gap={6} wrap="nowrap">
            {waiting > 0 ? open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden /> : <Box w={16} />}
            <div>
              <Text size="sm" fw={600}>
                {row.subject.name}
              </Text>
              <Text size="xs" c="dimmed">
                {waiting === 0
                  ? intl.formatMessage(messages.everyoneAnswered)
                  : intl.formatMessage(messages.notAnsweredCount, { count: waiting })}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
        {/* Who has not answered, under the leader's name (one row per leader keeps the virtual rows' heights measurable). */}
        {open && waiting > 0 && (
          <Box mt="xs" px="xs" py={6} bg="var(--mantine-color-gray-0)" className="nonresponders">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
              {intl.formatMessage(messages.notAnsweredYet)}
            </Text>
            <Group gap={6}>
              {row.nonResponders.map((n) => (
                <Badge
                  key={`${n.rater.id}:${n.group}`}
                  variant="outline"
                  color={n.started ? 'yellow' : 'gray'}
                  tt="none"
                  fw={500}
                  radius="sm"
                  size="lg"
                >
                  {intl.formatMessage(messages.nonResponder, {
                    name: n.rater.name,
                    group: groupNoun(intl, n.group),
                    started: n.started ? 'yes' : 'no',
                  })}
                </Badge>
              ))}
            </Group>
          </Box>
        )}
      </Table.Td>
      {groups.map((g) => {
        const x = row.groups.find((y) => y.group === g);
        if (!x) return <Table.Td key={g}>—</Table.Td>;
        const value = x.invited ? (x.submitted / x.invited) * 100 : 0;
        return (
          <Table.Td key={g} miw={110}>
            <Text size="sm" fw={500}>
              {x.submitted}/{x.invited}
              {x.started > x.submitted && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {intl.formatMessage(messages.inProgress, { count: x.started - x.submitted })}
                </Text>
              )}
              {x.counted < x.submitted && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {intl.formatMessage(messages.notCountedInGroup, { count: x.submitted - x.counted })}
                </Text>
              )}
            </Text>
            <Progress
              value={value}
              size="sm"
              mt={4}
              color={value === 100 ? 'teal' : 'brand'}
              aria-label={intl.formatMessage(messages.groupSubmitted, {
                group: groupLabel(g),
                submitted: x.submitted,
                invited: x.invited,
              })}
            />
          </Table.Td>
        );
      })}
      <Table.Td ta="right">
        <Text fw={700}>{percent(invited ? submitted / invited : 0)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
