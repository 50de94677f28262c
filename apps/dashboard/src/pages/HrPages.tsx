import { Alert, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconPlus } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { useProfileName } from '../app/instruments';
import { formatDate } from '../app/theme';
import { EmptyState, ErrorState, Loading, PageHeader } from '../app/ui';
import { CycleActions, ExportCsvButton, RescorePanel } from '../features/cycles/CycleActions';
import { CycleList } from '../features/cycles/CycleList';
import { CycleWizard } from '../features/cycles/CycleWizard';
import { CommentThresholdSetting } from '../features/cycles/CommentThresholdSetting';
import { InvitationLinks } from '../features/cycles/InvitationLinks';
import { commentThresholdMessages } from '../features/cycles/messages';
import { DeliveryBoard } from '../features/notifications/DeliveryBoard';
import { LinkExport } from '../features/notifications/LinkExport';
import { NominationsReview } from '../features/cycles/NominationsReview';
import { CYCLE } from '../features/cycles/operations';
import { CycleStatusBadge } from '../features/cycles/status';
import { CycleHeatmap } from '../features/heatmap/CycleHeatmap';
import { Directory } from '../features/import/Directory';
import { ImportPeople } from '../features/import/ImportPeople';
import { ProgressBoard } from '../features/progress/ProgressBoard';
import { RetentionSettings } from '../features/data-protection/RetentionSettings';
import { ReliabilityPanel } from '../features/reliability/ReliabilityPanel';
import { PlanCoverage } from '../features/development-plan/PlanCoverage';
import { CycleCoachingPanel } from '../features/coaching/CycleCoachingPanel';
import { messages as m } from './messages';

export function CyclesPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.hrConsole)}
        title={intl.formatMessage(m.cyclesTitle)}
        description={intl.formatMessage(m.cyclesDescription)}
        actions={
          <Button component={Link} to="/cycles/new" leftSection={<IconPlus size={18} aria-hidden />}>
            {intl.formatMessage(m.newCycle)}
          </Button>
        }
      />
      <CycleList />
    </>
  );
}

export function NewCyclePage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.hrConsole)}
        title={intl.formatMessage(m.newCycleTitle)}
        description={intl.formatMessage(m.newCycleDescription)}
      />
      <CycleWizard />
    </>
  );
}

export function PeoplePage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.hrConsole)}
        title={intl.formatMessage(m.peopleTitle)}
        description={intl.formatMessage(m.peopleDescription)}
      />
      <Stack gap="lg">
        <ImportPeople />
        <Directory />
        <RetentionSettings />
      </Stack>
    </>
  );
}

const TABS = ['raters', 'progress', 'links', 'results', 'reliability'] as const;

export function CycleDetailPage() {
  const intl = useIntl();
  const profileName = useProfileName();
  const { cycleId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const malformed = !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cycleId);
  const { data, loading, error, refetch } = useQuery(CYCLE, {
    variables: { id: cycleId },
    fetchPolicy: 'cache-and-network',
    skip: malformed,
  });
  if (malformed)
    return (
      <EmptyState
        title={intl.formatMessage(m.cycleAddressTitle)}
        action={
          <Button component={Link} to="/cycles">
            {intl.formatMessage(m.cycleAddressAction)}
          </Button>
        }
      >
        {intl.formatMessage(m.cycleAddress)}
      </EmptyState>
    );
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.cycleLoadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(m.cycleLoading)} />;
  const cycle = data!.cycle;
  // A follow-up pulse has no report, heatmap, release or reliability of its own (the gateway refuses them).
  const pulse = cycle.followsUp ?? null;
  const tabs: readonly string[] = pulse ? TABS.filter((t) => t !== 'results' && t !== 'reliability') : TABS;
  const defaultTab =
    cycle.status === 'DRAFT' ? 'raters' : cycle.status === 'LAUNCHED' || cycle.status === 'LAUNCHING' || pulse ? 'progress' : 'results';
  const tab = tabs.includes(params.get('tab') ?? '') ? params.get('tab')! : defaultTab;

  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap="xs" component="span">
            <Link to="/cycles" className="crumb">
              {intl.formatMessage(m.cyclesTitle)}
            </Link>
          </Group>
        }
        title={
          <Group gap="sm" component="span">
            <span>{cycle.name}</span> <CycleStatusBadge status={cycle.status} />
          </Group>
        }
        description={`${intl.formatMessage(m.cycleDescription, {
          opens: formatDate(cycle.opensAt),
          closes: formatDate(cycle.closesAt),
          count: cycle.subjects.length,
          profile: profileName(cycle.roleProfileId),
          version: cycle.instrumentVersion,
          threshold: cycle.anonymityThreshold,
        })}${
          // the header already says from how many answers groups are shown; comments only when stricter
          cycle.commentThreshold !== null && cycle.commentThreshold > cycle.anonymityThreshold
            ? intl.formatMessage(commentThresholdMessages.summary, { comments: cycle.commentThreshold })
            : ''
        }`}
        actions={<CycleActions cycle={cycle} />}
      />
      {pulse && (
        <Alert variant="light" color="grape" mb="lg">
          <Text size="sm">{intl.formatMessage(m.pulseNote)}</Text>
          <Button
            component={Link}
            to={`/cycles/${pulse.cycleId}/reports/${pulse.subjectId}#follow-up-pulse`}
            variant="subtle"
            size="compact-sm"
            mt={6}
          >
            {intl.formatMessage(m.pulseLink)}
          </Button>
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="raters">{intl.formatMessage(m.tabRaters)}</Tabs.Tab>
          <Tabs.Tab value="progress" disabled={cycle.status === 'DRAFT'}>
            {intl.formatMessage(m.tabProgress)}
          </Tabs.Tab>
          <Tabs.Tab value="links" disabled={cycle.status === 'DRAFT'}>
            {intl.formatMessage(m.tabLinks)}
          </Tabs.Tab>
          {!pulse && (
            <Tabs.Tab value="results" disabled={cycle.status === 'DRAFT'}>
              {intl.formatMessage(m.tabResults)}
            </Tabs.Tab>
          )}
          {!pulse && <Tabs.Tab value="reliability">{intl.formatMessage(m.tabReliability)}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="raters">
          {cycle.status === 'DRAFT' && (
            <CommentThresholdSetting
              key={cycle.commentThreshold}
              cycleId={cycle.id}
              anonymityThreshold={cycle.anonymityThreshold}
              commentThreshold={cycle.commentThreshold}
            />
          )}
          <NominationsReview cycle={cycle} />
          <CycleCoachingPanel cycleId={cycle.id} released={Boolean(cycle.releasedAt)} />
        </Tabs.Panel>
        <Tabs.Panel value="progress">
          <ProgressBoard cycleId={cycle.id} live={cycle.status === 'LAUNCHED' || cycle.status === 'LAUNCHING'} />
          <DeliveryBoard cycleId={cycle.id} live={cycle.status === 'LAUNCHED' || cycle.status === 'LAUNCHING'} />
        </Tabs.Panel>
        <Tabs.Panel value="links">
          {cycle.status === 'LAUNCHED' && <LinkExport cycleId={cycle.id} cycleName={cycle.name} />}
          <InvitationLinks cycleId={cycle.id} status={cycle.status} closedAt={cycle.closedAt} />
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <Stack gap="lg">
            {cycle.status === 'LAUNCHED' && (
              <Text size="sm" c="dimmed">
                {intl.formatMessage(m.liveFigures)}
              </Text>
            )}
            <Group justify="flex-end">
              <ExportCsvButton cycle={cycle} />
            </Group>
            <CycleHeatmap cycleId={cycle.id} />
            {cycle.releasedAt && <PlanCoverage cycleId={cycle.id} />}
            {cycle.releasedAt && <CycleCoachingPanel cycleId={cycle.id} released />}
            {(cycle.status === 'CLOSED' || cycle.status === 'RELEASED') && <RescorePanel cycle={cycle} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="reliability">
          <ReliabilityPanel cycleId={cycle.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
