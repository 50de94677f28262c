import { Card, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { CYCLES } from '../cycles/operations';
import { Heatmap } from '../heatmap/Heatmap';
import { TEAM_REPORT } from '../heatmap/operations';
import { TeamPlans } from '../development-plan/TeamPlans';
import { messages as m } from './messages';

/** A manager's leaders after release: the team heatmap and a way into each report. */
export function TeamView() {
  const intl = useIntl();
  const cycles = useQuery(CYCLES);
  const released = [...(cycles.data?.cycles ?? [])]
    .filter((c) => c.status === 'RELEASED')
    .sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt));
  const [chosen, setChosen] = useState<string | null>(null);
  const cycleId = chosen ?? released[0]?.id ?? null;
  const team = useQuery(TEAM_REPORT, { variables: { cycleId: cycleId ?? '' }, skip: !cycleId });

  if (cycles.error)
    return <ErrorState error={cycles.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void cycles.refetch()} />;
  if (cycles.loading && !cycles.data) return <Loading label={intl.formatMessage(m.loading)} />;
  if (released.length === 0) return <EmptyState title={intl.formatMessage(m.emptyTitle)}>{intl.formatMessage(m.empty)}</EmptyState>;
  return (
    <Stack gap="md">
      <Card padding="md">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {intl.formatMessage(m.intro)}
          </Text>
          <Select
            aria-label={intl.formatMessage(m.cycle)}
            data={released.map((c) => ({
              value: c.id,
              label: intl.formatMessage(m.cycleOption, { name: c.name, date: formatDate(c.releasedAt) }),
            }))}
            value={cycleId}
            onChange={setChosen}
            allowDeselect={false}
            w={340}
          />
        </Group>
      </Card>
      {team.error && <ErrorState error={team.error} what={intl.formatMessage(m.heatmapFailed)} />}
      {team.loading && !team.data && <Loading label={intl.formatMessage(m.heatmapLoading)} />}
      {team.data && (
        <Heatmap
          heatmap={team.data.teamReport}
          reportLink={(s) => `/cycles/${cycleId}/reports/${s}`}
          title={intl.formatMessage(m.yourLeaders)}
        />
      )}
      {team.data && cycleId && <TeamPlans cycleId={cycleId} leaders={team.data.teamReport.rows.map((r) => r.subject)} />}
    </Stack>
  );
}
