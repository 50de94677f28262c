import {
  Alert,
  Badge,
  Box,
  Card,
  Collapse,
  Group,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useGroupLabel } from '../../app/i18n';
import { GROUP_ORDER } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import type { ProgressFieldsFragment } from '../../gql/graphql';
import { messages } from './messages';
import { CYCLE_PROGRESS, CYCLE_PROGRESS_CHANGED } from './operations';

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
  return <ProgressView progress={data.cycleProgress} live={live} />;
}

export function ProgressView({ progress, live }: { progress: ProgressFieldsFragment; live: boolean }) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  if (progress.invited === 0)
    return <EmptyState title={intl.formatMessage(messages.emptyTitle)}>{intl.formatMessage(messages.emptyBody)}</EmptyState>;
  const groups = GROUP_ORDER.filter((g) => progress.subjects.some((s) => s.groups.some((x) => x.group === g)));
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
                  {rate}%
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
      <Card padding={0}>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={intl.formatMessage(messages.tableLabel)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{intl.formatMessage(messages.leader)}</Table.Th>
                {groups.map((g) => (
                  <Table.Th key={g}>{groupLabel(g)}</Table.Th>
                ))}
                <Table.Th ta="right">{intl.formatMessage(messages.overall)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.subjects.map((s) => (
                <SubjectRow key={s.subject.id} row={s} groups={groups} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
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

function SubjectRow({ row, groups }: { row: ProgressFieldsFragment['subjects'][number]; groups: string[] }) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const [open, setOpen] = useState(false);
  const invited = row.groups.reduce((a, g) => a + g.invited, 0);
  const submitted = row.groups.reduce((a, g) => a + g.submitted, 0);
  const waiting = row.nonResponders.length;
  return (
    <>
      <Table.Tr>
        <Table.Td>
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
          <Text fw={700}>{invited ? Math.round((submitted / invited) * 100) : 0}%</Text>
        </Table.Td>
      </Table.Tr>
      {waiting > 0 && (
        <Table.Tr className="nonresponders-row">
          <Table.Td colSpan={groups.length + 2} p={0}>
            <Collapse expanded={open}>
              <Box px="md" py="sm" bg="var(--mantine-color-gray-0)">
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
                      {n.rater.name} · {groupLabel(n.group).toLowerCase()}
                      {n.started ? ` · ${intl.formatMessage(messages.startedTag)}` : ''}
                    </Badge>
                  ))}
                </Group>
              </Box>
            </Collapse>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
