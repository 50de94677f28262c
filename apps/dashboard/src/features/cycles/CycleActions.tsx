import { Alert, Button, Card, Group, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { IconBellRinging, IconDownload, IconLock, IconRocket, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { followDownloadLink } from '../../app/download';
import { useInstrumentOptions } from '../../app/instruments';
import { ErrorState } from '../../app/ui';
import type { CycleFieldsFragment } from '../../gql/graphql';
import {
  CLOSE_CYCLE,
  LAUNCH_CYCLE,
  LAUNCH_PROGRESS,
  NOMINATIONS,
  RELEASE_RESULTS,
  RESCORE_CYCLE,
  RESULTS_CSV_DOWNLOAD,
  RESULT_SETS,
  SEND_REMINDERS,
} from './operations';
import { CYCLE_PROGRESS } from '../progress/operations';
import { messages as m } from './messages';

/** The next step of a cycle, with a confirmation for the ones that cannot be undone. */
export function CycleActions({ cycle }: { cycle: CycleFieldsFragment }) {
  const intl = useIntl();
  const refetch = [{ query: CYCLE_PROGRESS, variables: { cycleId: cycle.id } }];
  const [launch, launchState] = useMutation(LAUNCH_CYCLE, { refetchQueries: refetch });
  const [remind, remindState] = useMutation(SEND_REMINDERS);
  const [close, closeState] = useMutation(CLOSE_CYCLE);
  const [release, releaseState] = useMutation(RELEASE_RESULTS);
  const [reminded, setReminded] = useState<number | null>(null);
  const failed = launchState.error
    ? { error: launchState.error, what: intl.formatMessage(m.notLaunched) }
    : remindState.error
      ? { error: remindState.error, what: intl.formatMessage(m.notReminded) }
      : closeState.error
        ? { error: closeState.error, what: intl.formatMessage(m.notClosed) }
        : releaseState.error
          ? { error: releaseState.error, what: intl.formatMessage(m.notReleased) }
          : null;
  const readiness = useLaunchReadiness(cycle);
  // A launch runs in slices of leaders: while it runs (here or elsewhere), its progress is polled.
  const launching = launchState.loading || cycle.status === 'LAUNCHING';
  useQuery(LAUNCH_PROGRESS, { variables: { id: cycle.id }, skip: !launching, pollInterval: 1000 });
  const progress = cycle.launchProgress;

  return (
    <Stack gap="sm">
      <Group gap="sm">
        {cycle.status === 'DRAFT' && (
          <Confirm
            label={intl.formatMessage(m.launch)}
            icon={<IconRocket size={18} aria-hidden />}
            variant={readiness.ready ? 'filled' : 'default'}
            title={intl.formatMessage(m.launchTitle)}
            body={intl.formatMessage(m.launchBody, { count: cycle.subjects.length })}
            loading={launchState.loading}
            onConfirm={() => launch({ variables: { cycleId: cycle.id } })}
          />
        )}
        {cycle.status === 'LAUNCHING' && !launchState.loading && (
          <Button
            leftSection={<IconRocket size={18} aria-hidden />}
            onClick={() => void launch({ variables: { cycleId: cycle.id } }).catch(() => undefined)}
          >
            {intl.formatMessage(m.resumeLaunch)}
          </Button>
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
              {intl.formatMessage(m.remind)}
            </Button>
            <Confirm
              label={intl.formatMessage(m.close)}
              icon={<IconLock size={18} aria-hidden />}
              color="orange"
              title={intl.formatMessage(m.closeTitle)}
              body={intl.formatMessage(m.closeBody)}
              loading={closeState.loading}
              onConfirm={() => close({ variables: { cycleId: cycle.id } })}
            />
          </>
        )}
        {cycle.status === 'CLOSED' && !cycle.followsUp && (
          <Confirm
            label={intl.formatMessage(m.release)}
            icon={<IconSend size={18} aria-hidden />}
            color="teal"
            title={intl.formatMessage(m.releaseTitle)}
            body={intl.formatMessage(m.releaseBody)}
            loading={releaseState.loading}
            onConfirm={() => release({ variables: { cycleId: cycle.id } })}
          />
        )}
      </Group>
      {launching && progress && (
        <Stack gap={4} maw={420}>
          <Progress
            value={progress.subjectsTotal ? (100 * progress.subjectsLaunched) / progress.subjectsTotal : 0}
            aria-label={intl.formatMessage(m.launchProgressLabel)}
            animated={launchState.loading}
          />
          <Text size="sm" c="dimmed" role="status">
            {intl.formatMessage(m.launchProgress, { done: progress.subjectsLaunched, total: progress.subjectsTotal })}
          </Text>
        </Stack>
      )}
      {cycle.status === 'LAUNCHING' && !launchState.loading && (
        <Text size="sm" c="dimmed" maw={420}>
          {intl.formatMessage(m.resumeLaunchHint)}
        </Text>
      )}
      {reminded != null && (
        <Text size="sm" c="teal.8" role="status">
          {intl.formatMessage(m.reminded, { count: reminded })}
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
  const intl = useIntl();
  const { data } = useQuery(NOMINATIONS, { variables: { cycleId: cycle.id }, skip: cycle.status !== 'DRAFT' });
  if (cycle.status !== 'DRAFT' || !data) return { ready: cycle.status !== 'DRAFT', reason: null };
  if (cycle.subjects.length === 0) return { ready: false, reason: intl.formatMessage(m.addLeadersFirst) };
  const nominations = data.nominations.filter((n) => n.status !== 'removed');
  const waiting = cycle.subjects.filter((s) => nominations.some((n) => n.subjectId === s.id && n.status === 'proposed')).length;
  const short = cycle.subjects.filter((s) =>
    cycle.minRaters.some(
      (m) => nominations.filter((n) => n.subjectId === s.id && n.group === m.group && n.status === 'approved').length < m.count,
    ),
  ).length;
  if (waiting === 0 && short === 0) return { ready: true, reason: null };
  const parts = [
    waiting ? intl.formatMessage(m.waitingApproval, { count: waiting }) : '',
    short ? intl.formatMessage(m.tooFew, { count: short }) : '',
  ].filter(Boolean);
  return { ready: false, reason: intl.formatMessage(m.notReady, { reasons: intl.formatList(parts, { type: 'conjunction' }) }) };
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
  const intl = useIntl();
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
            {intl.formatMessage(m.cancel)}
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
  const intl = useIntl();
  const { versions: INSTRUMENT_VERSIONS, profiles: ROLE_PROFILES } = useInstrumentOptions();
  const [version, setVersion] = useState(String(cycle.instrumentVersion));
  const [profile, setProfile] = useState(cycle.roleProfileId);
  const [rescore, { data, loading, error }] = useMutation(RESCORE_CYCLE, {
    refetchQueries: [{ query: RESULT_SETS, variables: { cycleId: cycle.id } }],
  });
  const unchanged = Number(version) === cycle.instrumentVersion && profile === cycle.roleProfileId;
  return (
    <Card>
      <Text fw={650}>{intl.formatMessage(m.rescoreTitle)}</Text>
      <Text size="sm" c="dimmed" mt={2}>
        {intl.formatMessage(m.rescoreIntro)}
      </Text>
      <Group mt="md" align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={intl.formatMessage(m.rescoreInstrument)}
          data={INSTRUMENT_VERSIONS}
          value={version}
          onChange={(v) => v && setVersion(v)}
          allowDeselect={false}
          w={280}
        />
        <Select
          label={intl.formatMessage(m.rescoreProfile)}
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
          {intl.formatMessage(m.rescoreButton)}
        </Button>
      </Group>
      {data && (
        <Alert color="teal" variant="light" mt="md" role="status">
          {intl.formatMessage(m.rescoreRequested, {
            version:
              INSTRUMENT_VERSIONS.find((v) => v.value === String(data.rescoreCycle.instrumentVersion))?.label ??
              intl.formatMessage(m.rescoreVersion, { version: data.rescoreCycle.instrumentVersion }),
            profile: ROLE_PROFILES.find((p) => p.value === data.rescoreCycle.roleProfileId)?.label ?? data.rescoreCycle.roleProfileId,
          })}
        </Alert>
      )}
      {error && <ErrorState error={error} what={intl.formatMessage(m.rescoreFailed)} />}
    </Card>
  );
}

export function ExportCsvButton({ cycle }: { cycle: CycleFieldsFragment }) {
  const intl = useIntl();
  // The gateway checks the export may be made and answers with a single-use link; the browser follows
  // it and streams the file to disk (at 10,000 leaders it is hundreds of MiB, more than a page should hold).
  const [link, { loading, error, data }] = useMutation(RESULTS_CSV_DOWNLOAD);
  const download = async () => {
    const answer = await link({ variables: { cycleId: cycle.id } }).catch(() => null);
    const url = answer?.data?.resultsCsvDownload.url;
    if (url) followDownloadLink(url);
  };
  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} onClick={() => void download()} loading={loading}>
        {intl.formatMessage(m.exportCsv)}
      </Button>
      {data && !error && (
        <Text size="sm" c="dimmed" role="status">
          {intl.formatMessage(m.exportStarted)}
        </Text>
      )}
      {error && <ErrorState error={error} what={intl.formatMessage(m.exportFailed)} />}
    </>
  );
}
