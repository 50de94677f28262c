import { Alert, Button, Card, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { IconBellRinging, IconDownload, IconLock, IconRocket, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useInstrumentOptions } from '../../app/instruments';
import { ErrorState } from '../../app/ui';
import type { CycleFieldsFragment } from '../../gql/graphql';
import {
  CLOSE_CYCLE,
  CYCLE_RESULTS_CSV,
  LAUNCH_CYCLE,
  NOMINATIONS,
  RELEASE_RESULTS,
  RESCORE_CYCLE,
  RESULT_SETS,
  SEND_REMINDERS,
} from './operations';
import { CYCLE_PROGRESS } from '../progress/operations';

/** The next step of a cycle, with a confirmation for the ones that cannot be undone. */
export function CycleActions({ cycle }: { cycle: CycleFieldsFragment }) {
  const refetch = [{ query: CYCLE_PROGRESS, variables: { cycleId: cycle.id } }];
  const [launch, launchState] = useMutation(LAUNCH_CYCLE, { refetchQueries: refetch });
  const [remind, remindState] = useMutation(SEND_REMINDERS);
  const [close, closeState] = useMutation(CLOSE_CYCLE);
  const [release, releaseState] = useMutation(RELEASE_RESULTS);
  const [reminded, setReminded] = useState<number | null>(null);
  const failed = launchState.error
    ? { error: launchState.error, what: 'The cycle was not launched' }
    : remindState.error
      ? { error: remindState.error, what: 'Reminders were not sent' }
      : closeState.error
        ? { error: closeState.error, what: 'The cycle was not closed' }
        : releaseState.error
          ? { error: releaseState.error, what: 'The results were not released' }
          : null;
  const readiness = useLaunchReadiness(cycle);

  return (
    <Stack gap="sm">
      <Group gap="sm">
        {cycle.status === 'DRAFT' && (
          <Confirm
            label="Launch cycle"
            icon={<IconRocket size={18} aria-hidden />}
            variant={readiness.ready ? 'filled' : 'default'}
            title="Launch this cycle?"
            body={`Survey links are created and every approved rater is invited. Rater lists can no longer change. ${cycle.subjects.length} leaders will be reviewed.`}
            loading={launchState.loading}
            onConfirm={() => launch({ variables: { cycleId: cycle.id } })}
          />
        )}
        {cycle.status === 'LAUNCHED' && (
          <>
            <Button
              variant="default"
              leftSection={<IconBellRinging size={18} aria-hidden />}
              loading={remindState.loading}
              onClick={() =>
                void remind({ variables: { cycleId: cycle.id } }).then(
                  ({ data }) => data && setReminded(data.sendReminders),
                  () => undefined,
                )
              }
            >
              Send reminders
            </Button>
            <Confirm
              label="Close cycle"
              icon={<IconLock size={18} aria-hidden />}
              color="orange"
              title="Close this cycle?"
              body="Survey links stop working and no more answers are accepted. Results stay private until you release them."
              loading={closeState.loading}
              onConfirm={() => close({ variables: { cycleId: cycle.id } })}
            />
          </>
        )}
        {cycle.status === 'CLOSED' && (
          <Confirm
            label="Release results"
            icon={<IconSend size={18} aria-hidden />}
            color="teal"
            title="Release the results?"
            body="Each leader and their manager can then see the leader’s report. Groups below the anonymity threshold stay hidden."
            loading={releaseState.loading}
            onConfirm={() => release({ variables: { cycleId: cycle.id } })}
          />
        )}
      </Group>
      {reminded != null && (
        <Text size="sm" c="teal.8" role="status">
          {reminded === 0
            ? 'Everyone has answered: no reminders needed.'
            : `Reminded ${reminded} ${reminded === 1 ? 'person' : 'people'} who have not answered yet.`}
        </Text>
      )}
      {cycle.status === 'DRAFT' && !readiness.ready && readiness.reason && (
        <Text size="sm" c="dimmed" maw={420} role="status">
          {readiness.reason}
        </Text>
      )}
      {failed && <ErrorState error={failed.error} what={failed.what} />}
    </Stack>
  );
}

/**
 * Whether every leader has an approved rater list that meets the minimums: until then launching
 * would be refused, so launch is not offered as the main action.
 */
function useLaunchReadiness(cycle: CycleFieldsFragment): { ready: boolean; reason: string | null } {
  const { data } = useQuery(NOMINATIONS, { variables: { cycleId: cycle.id }, skip: cycle.status !== 'DRAFT' });
  if (cycle.status !== 'DRAFT' || !data) return { ready: cycle.status !== 'DRAFT', reason: null };
  if (cycle.subjects.length === 0) return { ready: false, reason: 'Add leaders to review before launching.' };
  const nominations = data.nominations.filter((n) => n.status !== 'removed');
  const waiting = cycle.subjects.filter((s) => nominations.some((n) => n.subjectId === s.id && n.status === 'proposed')).length;
  const short = cycle.subjects.filter((s) =>
    cycle.minRaters.some(
      (m) => nominations.filter((n) => n.subjectId === s.id && n.group === m.group && n.status === 'approved').length < m.count,
    ),
  ).length;
  if (waiting === 0 && short === 0) return { ready: true, reason: null };
  const parts = [
    waiting ? `${waiting} ${waiting === 1 ? 'leader’s rater list is' : 'leaders’ rater lists are'} waiting for approval` : '',
    short ? `${short} ${short === 1 ? 'leader has' : 'leaders have'} too few approved raters in a group` : '',
  ].filter(Boolean);
  return { ready: false, reason: `Not ready to launch: ${parts.join('; ')}.` };
}

function Confirm({
  label,
  icon,
  title,
  body,
  onConfirm,
  loading,
  color,
  variant,
}: {
  label: string;
  icon: ReactNode;
  title: string;
  body: string;
  onConfirm: () => Promise<unknown>;
  loading: boolean;
  color?: string;
  variant?: string;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={icon} onClick={open} color={color} variant={variant}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{body}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color={color}
            loading={loading}
            onClick={() =>
              void onConfirm()
                .catch(() => undefined)
                .finally(close)
            }
          >
            {label}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** Rescore from stored responses under another instrument version or role profile. */
export function RescorePanel({ cycle }: { cycle: CycleFieldsFragment }) {
  const { versions: INSTRUMENT_VERSIONS, profiles: ROLE_PROFILES } = useInstrumentOptions();
  const [version, setVersion] = useState(String(cycle.instrumentVersion));
  const [profile, setProfile] = useState(cycle.roleProfileId);
  const [rescore, { data, loading, error }] = useMutation(RESCORE_CYCLE, {
    refetchQueries: [{ query: RESULT_SETS, variables: { cycleId: cycle.id } }],
  });
  const unchanged = Number(version) === cycle.instrumentVersion && profile === cycle.roleProfileId;
  return (
    <Card>
      <Text fw={650}>Rescore</Text>
      <Text size="sm" c="dimmed" mt={2}>
        Read the same answers under another instrument version or role profile. The cycle’s own figures are kept; the rescore is a separate
        result set you can pick on each report.
      </Text>
      <Group mt="md" align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Instrument"
          data={INSTRUMENT_VERSIONS}
          value={version}
          onChange={(v) => v && setVersion(v)}
          allowDeselect={false}
          w={280}
        />
        <Select
          label="Role profile"
          data={ROLE_PROFILES}
          value={profile}
          onChange={(v) => v && setProfile(v)}
          allowDeselect={false}
          w={220}
        />
        <Button
          variant="light"
          disabled={unchanged}
          loading={loading}
          onClick={() =>
            void rescore({ variables: { cycleId: cycle.id, instrumentVersion: Number(version), roleProfileId: profile } }).catch(
              () => undefined,
            )
          }
        >
          Rescore
        </Button>
      </Group>
      {data && (
        <Alert color="teal" variant="light" mt="md" role="status">
          Rescore requested: the same answers read with{' '}
          {INSTRUMENT_VERSIONS.find((v) => v.value === String(data.rescoreCycle.instrumentVersion))?.label ??
            `instrument version ${data.rescoreCycle.instrumentVersion}`}{' '}
          against the {ROLE_PROFILES.find((p) => p.value === data.rescoreCycle.roleProfileId)?.label ?? data.rescoreCycle.roleProfileId}{' '}
          profile. Choose it under “Result set” on a report once it has been scored.
        </Alert>
      )}
      {error && <ErrorState error={error} what="The rescore was not started" />}
    </Card>
  );
}

export function ExportCsvButton({ cycle }: { cycle: CycleFieldsFragment }) {
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const download = async () => {
    setState({ loading: true, error: null });
    try {
      const { data } = await client.query({ query: CYCLE_RESULTS_CSV, variables: { cycleId: cycle.id }, fetchPolicy: 'network-only' });
      const blob = new Blob([data?.cycleResultsCsv ?? ''], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${cycle.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-results.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setState({ loading: false, error: null });
    } catch (e) {
      setState({ loading: false, error: e });
    }
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden />}
        onClick={() => void download()}
        loading={state.loading}
      >
        Export CSV
      </Button>
      {state.error != null && <ErrorState error={state.error} what="The CSV could not be exported" />}
    </>
  );
}
