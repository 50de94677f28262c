import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUserPlus, IconX } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { errorCode } from '../../app/errors';
import { signed } from '../../app/format';
import { ErrorState, Loading } from '../../app/ui';
import { useGroupLabel } from '../../app/i18n';
import type { PulseFieldsFragment, RaterGroup } from '../../gql/graphql';
import { AddRater } from '../cycles/NominationsReview';
import { BlockView } from '../report/ReportBlocks';
import { m } from './messages';
import { CLOSE_PULSE, PULSES, START_PULSE } from './operations';

const DAY = 86_400_000;
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The follow-up pulse on the report page (`#follow-up-pulse`): the leader or HR starts one on the
 * leader's development plan; everyone entitled sees how many raters answered; the leader and their
 * manager see, once it closed, each focus area's change with its 95% interval (the report's
 * interval-bar chart on the −3…+3 scale), or "not enough answers to show" below the threshold.
 */
export function PulseSection({
  cycleId,
  subjectId,
  subjectName,
  canStart,
  isHr,
  candidates,
}: {
  cycleId: string;
  subjectId: string;
  subjectName: string;
  /** The leader, or HR: they start pulses (the gateway checks it again). */
  canStart: boolean;
  /** HR without a tie to the leader: counts only. */
  isHr: boolean;
  /** For the leader, who has no directory: the people they may add (peers and partners); HR picks from the directory. */
  candidates?: { id: string; name: string; department?: string | null }[];
}) {
  const intl = useIntl();
  const titleId = useId();
  const query = useQuery(PULSES, { variables: { cycleId, subjectId }, fetchPolicy: 'cache-and-network' });
  const [starting, setStarting] = useState(false);
  const [startedCount, setStartedCount] = useState<number | null>(null);
  if (query.error) {
    if (errorCode(query.error) === 'FORBIDDEN') return null;
    return <ErrorState error={query.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void query.refetch()} />;
  }
  const pulses = (query.data?.pulses ?? []) as PulseFieldsFragment[];
  const anyOpen = pulses.some((p) => p.status === 'open');
  return (
    <Card padding="lg" mt="xl" id="follow-up-pulse" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id={titleId}>
          {intl.formatMessage(m.title)}
        </Title>
        {canStart && !starting && !anyOpen && !query.loading && (
          <Button variant="default" onClick={() => setStarting(true)}>
            {intl.formatMessage(m.start)}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {intl.formatMessage(isHr ? m.hrIntro : m.intro, { name: subjectName })}
      </Text>
      {startedCount !== null && (
        <Alert color="teal" variant="light" mb="md" role="status">
          {intl.formatMessage(m.started, { count: startedCount })}
        </Alert>
      )}
      {starting && (
        <StartPulseForm
          cycleId={cycleId}
          subjectId={subjectId}
          subjectName={subjectName}
          candidates={candidates}
          onCancel={() => setStarting(false)}
          onStarted={(count) => {
            setStartedCount(count);
            setStarting(false);
            void query.refetch();
          }}
        />
      )}
      {query.loading && !query.data ? (
        <Loading label={intl.formatMessage(m.title)} />
      ) : pulses.length === 0 ? (
        <Text>{intl.formatMessage(m.none)}</Text>
      ) : (
        <Stack gap="lg">
          {pulses.map((p) => (
            <PulseView key={p.id} pulse={p} canClose={canStart} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function StartPulseForm({
  cycleId,
  subjectId,
  subjectName,
  candidates,
  onCancel,
  onStarted,
}: {
  cycleId: string;
  subjectId: string;
  subjectName: string;
  candidates?: { id: string; name: string; department?: string | null }[];
  onCancel: () => void;
  onStarted: (raters: number) => void;
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const [closesOn, setClosesOn] = useState(() => dateOnly(new Date(Date.now() + 14 * DAY)));
  const [added, setAdded] = useState<{ personId: string; group: RaterGroup; label: string }[]>([]);
  const [adding, setAdding] = useState(false);
  const [start, { loading, error }] = useMutation(START_PULSE);
  const problem = fieldMessage(error, 'input.closesAt');
  const raterProblem = (i: number) =>
    fieldMessage(error, `input.newRaters[${i}].personId`) ?? fieldMessage(error, `input.newRaters[${i}].group`);
  const anyRaterProblem = added.some((_, i) => raterProblem(i));
  const leader = candidates != null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const newRaters = added.map(({ personId, group }) => ({ personId, group }));
        void start({
          variables: { input: { cycleId, subjectId, closesAt: `${closesOn}T17:00:00.000Z`, ...(newRaters.length ? { newRaters } : {}) } },
        })
          .then((r) => onStarted(r.data?.startPulse.invited ?? 0))
          .catch(() => undefined);
      }}
    >
      <Text size="sm" fw={600}>
        {intl.formatMessage(m.newRatersTitle)}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {intl.formatMessage(m.newRatersHelp, { name: subjectName, leader: leader ? 'yes' : 'no' })}
      </Text>
      {added.length > 0 && (
        <List size="sm" mb="xs" aria-label={intl.formatMessage(m.newRatersTitle)}>
          {added.map((a, i) => (
            <List.Item key={a.personId}>
              <Group gap={6} wrap="nowrap">
                <span>{intl.formatMessage(m.newRater, { name: a.label, group: groupLabel(a.group) })}</span>
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color="gray"
                  aria-label={intl.formatMessage(m.removeRater, { name: a.label })}
                  onClick={() => setAdded((list) => list.filter((x) => x.personId !== a.personId))}
                >
                  <IconX size={12} />
                </ActionIcon>
              </Group>
              {raterProblem(i) && (
                <Text size="xs" c="red.8" role="alert">
                  {raterProblem(i)}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {adding ? (
        <AddRater
          onAdd={async (personId, group, label) => {
            setAdded((list) => [...list, { personId, group, label }]);
            setAdding(false);
          }}
          exclude={new Set([subjectId, ...added.map((a) => a.personId)])}
          people={candidates}
          groups={leader ? ['peer', 'other'] : undefined}
        />
      ) : (
        <Button size="xs" variant="subtle" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {intl.formatMessage(m.addRater)}
        </Button>
      )}
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput
          type="date"
          label={intl.formatMessage(m.closesOn)}
          value={closesOn}
          onChange={(e) => setClosesOn(e.currentTarget.value)}
          error={problem}
          required
        />
        <Button type="submit" loading={loading}>
          {intl.formatMessage(m.send)}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </Group>
      {error && !problem && !anyRaterProblem && (
        <Alert color="red" variant="light" mb="md" role="alert">
          {intl.formatMessage(m.startFailed, { reason: error.message })}
        </Alert>
      )}
    </form>
  );
}

function fieldMessage(error: unknown, field: string): string | undefined {
  const errors = (error as { errors?: { extensions?: { fields?: { field: string; message: string }[] } }[] } | undefined)?.errors ?? [];
  for (const e of errors) for (const f of e.extensions?.fields ?? []) if (f.field === field) return f.message;
  return undefined;
}

function PulseView({ pulse, canClose }: { pulse: PulseFieldsFragment; canClose: boolean }) {
  const intl = useIntl();
  const [close, closing] = useMutation(CLOSE_PULSE, { variables: { pulseId: pulse.id } });
  const date = intl.formatDate(pulse.closesAt, { dateStyle: 'long' });
  const areas = pulse.focusAreas ?? null;
  const shown = (areas ?? []).filter((a) => a.result?.shown && a.result.mean != null);
  const hidden = (areas ?? []).filter((a) => a.result && !a.result.shown);
  // Changes on the −3…+3 scale, written as the report writes differences: "+1.50", "−0.40", "0.00".
  const fmt = (x: number) => signed(x);
  const callLabel = { more_effective: m.callMore, less_effective: m.callLess, not_called: m.callNone } as const;
  return (
    <Stack gap="xs" data-pulse={pulse.id}>
      <Group gap="sm" wrap="wrap">
        <Badge variant="light" color={pulse.status === 'open' ? 'blue' : 'gray'}>
          {intl.formatMessage(pulse.status === 'open' ? m.open : m.closed, { date })}
        </Badge>
        <Text size="sm">{intl.formatMessage(m.answered, { answered: pulse.answered, invited: pulse.invited })}</Text>
        {areas && (
          <Text size="sm" c="dimmed">
            {intl.formatMessage(m.planVersion, { version: pulse.planVersion })}
          </Text>
        )}
        {canClose && pulse.status === 'open' && (
          <Button size="compact-sm" variant="default" loading={closing.loading} onClick={() => void close().catch(() => undefined)}>
            {intl.formatMessage(m.closeNow)}
          </Button>
        )}
      </Group>
      {closing.error && (
        <Alert color="red" variant="light" role="alert">
          {intl.formatMessage(m.closeFailed, { reason: closing.error.message })}
        </Alert>
      )}
      {areas && pulse.status === 'open' && (
        <>
          <List size="sm">
            {areas.map((a) => (
              <List.Item key={a.slot}>{a.label}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {intl.formatMessage(m.waiting)}
          </Text>
        </>
      )}
      {areas && pulse.status === 'closed' && (
        <>
          <BlockView
            block={{
              kind: 'itemBars',
              title: intl.formatMessage(m.chartTitle),
              empty: intl.formatMessage(m.chartEmpty),
              scale: { min: -3, max: 3 },
              items: shown.map((a) => ({
                id: a.slot,
                label: a.label,
                mean: a.result!.mean!,
                ciLow: a.result!.ci95Low ?? null,
                ciHigh: a.result!.ci95High ?? null,
                valueText: `${intl.formatMessage(m.value, { mean: fmt(a.result!.mean!), n: a.result!.n })} · ${intl.formatMessage(callLabel[a.result!.call ?? 'not_called'])}`,
              })),
            }}
          />
          {shown.length > 0 && (
            <List size="sm" aria-label={intl.formatMessage(m.chartTitle)}>
              {shown.map((a) => (
                <List.Item key={a.slot}>
                  <strong>{a.label}</strong>: {intl.formatMessage(m.value, { mean: fmt(a.result!.mean!), n: a.result!.n })}
                  {a.result!.ci95Low != null &&
                    a.result!.ci95High != null &&
                    ` [${fmt(a.result!.ci95Low)}, ${fmt(a.result!.ci95High)}]`} —{' '}
                  {intl.formatMessage(callLabel[a.result!.call ?? 'not_called'])}
                </List.Item>
              ))}
            </List>
          )}
          {hidden.map((a) => (
            <Text key={a.slot} size="sm" c="dimmed" data-suppressed={a.slot}>
              {intl.formatMessage(m.notEnough, { label: a.label, n: a.result!.n, threshold: pulse.anonymityThreshold })}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {intl.formatMessage(m.scaleNote)}
          </Text>
          {(pulse.comments ?? []).length > 0 && (
            <>
              <Title order={3} fz="md" mt="sm">
                {intl.formatMessage(m.commentsTitle)}
              </Title>
              <List size="sm">
                {(pulse.comments ?? []).map((c, i) => (
                  <List.Item key={i}>{c}</List.Item>
                ))}
              </List>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
