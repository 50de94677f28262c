import { Badge, Button, Card, Group, Select, Table, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useGroupLabel } from '../../app/i18n';
import { ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable, type VirtualRowProps } from '../../app/VirtualTable';
import type { MailDeliveryStatus, MailDeliverySortKey, RaterMail, RaterMailDeliveryFieldsFragment } from '../../gql/graphql';
import { deliveryLabel, deliveryMessages as messages } from './messages';
import { CYCLE_MAIL_DELIVERY_PAGE, CYCLE_MAIL_DELIVERY_TOTALS, RESEND_INVITATION } from './operations';

/** Raters per page: the server filters, sorts and pages; the next page comes as HR scrolls. */
export const DELIVERY_PAGE = 100;
/** While the cycle is live: the rows on screen are read again this often, the totals (every mail of the cycle) less often. */
const POLL_ROWS_MS = 5000;
const POLL_TOTALS_MS = 30000;

/** Problems first, as the server's STATUS sort. */
const STATUSES: MailDeliveryStatus[] = ['failed', 'deferred', 'skipped', 'queued', 'none', 'recorded', 'sent'];

export type DeliveryTotal = { mail: RaterMail; status: MailDeliveryStatus; count: number };
export type DeliveryFilter = { status: MailDeliveryStatus | null; mail: RaterMail | null };

function useStatusLabel() {
  const intl = useIntl();
  return (status: string) => (status === 'none' ? intl.formatMessage(messages.none) : deliveryLabel(intl, status).label);
}

function State({ state }: { state: { status: string; reason: string | null; attempts: number } | null }) {
  const intl = useIntl();
  if (!state)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const { label, color } = deliveryLabel(intl, state.status);
  const badge = (
    <Badge variant="light" color={color} data-status={state.status}>
      {state.status === 'deferred' ? intl.formatMessage(messages.withAttempts, { label, attempts: state.attempts }) : label}
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

/** Mail delivery per rater on the progress board (never a link), a page at a time, with "resend" for one rater. */
export function DeliveryBoard({ cycleId, live }: { cycleId: string; live: boolean }) {
  const intl = useIntl();
  const client = useApolloClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [filter, setFilter] = useState<DeliveryFilter>({ status: null, mail: null });
  const [sort, setSort] = useState<MailDeliverySortKey>('SUBJECT');
  const variables = {
    cycleId,
    first: DELIVERY_PAGE,
    filter: {
      search: debounced || undefined,
      statuses: filter.status ? [filter.status] : undefined,
      mail: filter.status ? (filter.mail ?? undefined) : undefined,
    },
    // The latest changes first.
    sort: { by: sort, direction: sort === 'UPDATED' ? ('DESC' as const) : ('ASC' as const) },
  };
  const { data, previousData, error, refetch, fetchMore } = useQuery(CYCLE_MAIL_DELIVERY_PAGE, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const totals = useQuery(CYCLE_MAIL_DELIVERY_TOTALS, {
    variables: { cycleId },
    fetchPolicy: 'cache-and-network',
    pollInterval: live ? POLL_TOTALS_MS : 0,
  });
  const next = useNextPage((options) => fetchMore(options), data?.cycleMailDeliveryPage.pageInfo, JSON.stringify(variables));
  const page = (data ?? previousData)?.cycleMailDeliveryPage;
  const loaded = page?.nodes.length ?? 0;

  // While live, only the rows loaded so far are read again (one request, at most 500), never the whole cycle.
  const visible = JSON.stringify({ ...variables, first: Math.min(500, Math.max(DELIVERY_PAGE, loaded)) });
  const reread = useCallback(
    () =>
      client.query({ query: CYCLE_MAIL_DELIVERY_PAGE, variables: JSON.parse(visible) as typeof variables, fetchPolicy: 'network-only' }),
    [client, visible],
  );
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void reread().catch(() => undefined), POLL_ROWS_MS);
    return () => clearInterval(timer);
  }, [live, reread]);

  const [resend, resendState] = useMutation(RESEND_INVITATION);
  const onResend = (assignmentId: string) =>
    void resend({ variables: { assignmentId } }).then(() => Promise.all([reread(), totals.refetch()]).catch(() => undefined));

  return (
    <Card padding={0} mt="lg">
      <Text fw={650} p="md" pb={4}>
        {intl.formatMessage(messages.title)}
      </Text>
      <Text size="xs" c="dimmed" px="md" pb="sm">
        {intl.formatMessage(messages.explain)}
      </Text>
      {totals.data && <DeliveryTotals totals={totals.data.cycleMailDeliveryTotals} filter={filter} onPick={(f) => setFilter(f)} />}
      <Group gap="sm" px="md" pb="md" wrap="wrap" align="flex-end">
        <TextInput
          aria-label={intl.formatMessage(messages.search)}
          placeholder={intl.formatMessage(messages.search)}
          leftSection={<IconSearch size={15} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={220}
          size="xs"
        />
        <StatusSelect filter={filter} onChange={setFilter} />
        <Select
          aria-label={intl.formatMessage(messages.sort)}
          data={[
            { value: 'SUBJECT', label: intl.formatMessage(messages.sortSubject) },
            { value: 'RATER', label: intl.formatMessage(messages.sortRater) },
            { value: 'STATUS', label: intl.formatMessage(messages.sortStatus) },
            { value: 'UPDATED', label: intl.formatMessage(messages.sortUpdated) },
          ]}
          value={sort}
          onChange={(v) => setSort(v ?? 'SUBJECT')}
          allowDeselect={false}
          w={220}
          size="xs"
        />
      </Group>
      {resendState.error && <ErrorState error={resendState.error} what={intl.formatMessage(messages.resendFailed)} />}
      {error && <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />}
      {!page && !error && <Loading label={intl.formatMessage(messages.loading)} />}
      {page && (
        <DeliveryTable
          rows={page.nodes}
          totalCount={page.totalCount}
          hasNextPage={next.hasNextPage}
          loadingMore={next.loadingMore}
          onLoadMore={next.loadMore}
          canResend={live}
          resending={resendState.loading}
          onResend={onResend}
        />
      )}
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(messages.loadFailed)} onRetry={next.retry} />}
    </Card>
  );
}

/** One status of one mail (or of either), as the status filter takes it. */
function StatusSelect({ filter, onChange }: { filter: DeliveryFilter; onChange: (f: DeliveryFilter) => void }) {
  const intl = useIntl();
  const statusLabel = useStatusLabel();
  const mailLabel = (mail: RaterMail | null) =>
    intl.formatMessage(mail === 'INVITATION' ? messages.invitation : mail === 'REMINDER' ? messages.reminder : messages.eitherMail);
  const options = [
    { value: '', label: intl.formatMessage(messages.anyStatus) },
    ...(['INVITATION', 'REMINDER', null] as const).flatMap((mail) =>
      STATUSES.map((status) => ({ value: `${mail ?? ''}:${status}`, label: `${mailLabel(mail)}: ${statusLabel(status)}` })),
    ),
  ];
  return (
    <Select
      aria-label={intl.formatMessage(messages.statusFilter)}
      data={options}
      value={filter.status ? `${filter.mail ?? ''}:${filter.status}` : ''}
      onChange={(v) => {
        if (!v) return onChange({ status: null, mail: null });
        const [mail, status] = v.split(':');
        onChange({ status: status as MailDeliveryStatus, mail: (mail || null) as RaterMail | null });
      }}
      allowDeselect={false}
      searchable
      w={260}
      size="xs"
    />
  );
}

/** The cycle's raters per mail and status ("12 failed"); a click shows those raters only. */
export function DeliveryTotals({
  totals,
  filter,
  onPick,
}: {
  totals: DeliveryTotal[];
  filter: DeliveryFilter;
  onPick: (filter: DeliveryFilter) => void;
}) {
  const intl = useIntl();
  return (
    <Group gap="lg" px="md" pb="sm" wrap="wrap" aria-label={intl.formatMessage(messages.totals)} role="group">
      {(['INVITATION', 'REMINDER'] as const).map((mail) => {
        const of = STATUSES.flatMap((status) => totals.filter((t) => t.mail === mail && t.status === status));
        return (
          <Group key={mail} gap={6} wrap="wrap">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {intl.formatMessage(mail === 'INVITATION' ? messages.invitation : messages.reminder)}
            </Text>
            {of.map((t) => {
              const picked = filter.status === t.status && filter.mail === mail;
              // The accessible name starts with the visible text ("12 failed"), then says which mail.
              const shown = intl.formatMessage(messages.totalShown, { count: t.count, status: t.status });
              return (
                <UnstyledButton
                  key={t.status}
                  onClick={() => onPick(picked ? { status: null, mail: null } : { status: t.status, mail })}
                  aria-pressed={picked}
                  aria-label={intl.formatMessage(messages.totalLabel, {
                    shown,
                    mail: intl.formatMessage(mail === 'INVITATION' ? messages.invitation : messages.reminder),
                  })}
                >
                  <Badge
                    variant={picked ? 'filled' : 'light'}
                    color={t.status === 'none' ? 'gray' : deliveryLabel(intl, t.status).color}
                    tt="none"
                    data-total={`${mail}:${t.status}`}
                  >
                    {shown}
                  </Badge>
                </UnstyledButton>
              );
            })}
          </Group>
        );
      })}
    </Group>
  );
}

/** One row per rater (virtualised), the next page loaded as HR scrolls. */
export function DeliveryTable({
  rows,
  totalCount,
  hasNextPage = false,
  loadingMore = false,
  onLoadMore = () => undefined,
  canResend = false,
  resending = false,
  onResend = () => undefined,
}: {
  rows: RaterMailDeliveryFieldsFragment[];
  totalCount: number;
  hasNextPage?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  canResend?: boolean;
  resending?: boolean;
  onResend?: (assignmentId: string) => void;
}) {
  const intl = useIntl();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed" p="md">
        {intl.formatMessage(messages.noMatch)}
      </Text>
    );
  return (
    <VirtualTable
      label={intl.formatMessage(messages.table)}
      rowCount={rows.length}
      totalCount={totalCount}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      estimateRowHeight={37}
      columnCount={6}
      minWidth={720}
      tableProps={{ striped: true, fz: 'sm', verticalSpacing: 6 }}
      header={
        <Table.Tr aria-rowindex={1}>
          <Table.Th>{intl.formatMessage(messages.rater)}</Table.Th>
          <Table.Th>{intl.formatMessage(messages.about)}</Table.Th>
          <Table.Th>{intl.formatMessage(messages.as)}</Table.Th>
          <Table.Th>{intl.formatMessage(messages.invitation)}</Table.Th>
          <Table.Th>{intl.formatMessage(messages.reminder)}</Table.Th>
          <Table.Th />
        </Table.Tr>
      }
      renderRow={(index, rowProps) => (
        <DeliveryRow
          key={rows[index].assignmentId}
          row={rows[index]}
          rowProps={rowProps}
          canResend={canResend}
          resending={resending}
          onResend={onResend}
        />
      )}
    />
  );
}

function DeliveryRow({
  row: r,
  rowProps,
  canResend,
  resending,
  onResend,
}: {
  row: RaterMailDeliveryFieldsFragment;
  rowProps: VirtualRowProps;
  canResend: boolean;
  resending: boolean;
  onResend: (assignmentId: string) => void;
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  return (
    <Table.Tr {...rowProps} data-rater={r.raterName}>
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
        {canResend && r.surveyStatus !== 'submitted' && (
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={resending}
            onClick={() => onResend(r.assignmentId)}
            aria-label={intl.formatMessage(messages.resendLabel, { name: r.raterName })}
          >
            {intl.formatMessage(messages.resend)}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
