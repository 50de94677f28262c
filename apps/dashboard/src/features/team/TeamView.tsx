import { Card, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { CYCLES } from '../cycles/operations';
import { Heatmap } from '../heatmap/Heatmap';
import { TEAM_REPORT } from '../heatmap/operations';
import { TeamPlans } from '../development-plan/TeamPlans';

/** A manager's leaders after release: the team heatmap and a way into each report. */
export function TeamView() {
  const cycles = useQuery(CYCLES);
  const released = [...(cycles.data?.cycles ?? [])]
    .filter((c) => c.status === 'RELEASED')
    .sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt));
  const [chosen, setChosen] = useState<string | null>(null);
  const cycleId = chosen ?? released[0]?.id ?? null;
  const team = useQuery(TEAM_REPORT, { variables: { cycleId: cycleId ?? '' }, skip: !cycleId });

  if (cycles.error) return <ErrorState error={cycles.error} what="Your cycles could not be loaded" onRetry={() => void cycles.refetch()} />;
  if (cycles.loading && !cycles.data) return <Loading label="Loading your team…" />;
  if (released.length === 0)
    return (
      <EmptyState title="No released results yet">
        When HR releases a cycle your leaders took part in, their reports and a team heatmap appear here.
      </EmptyState>
    );
  return (
    <Stack gap="md">
      <Card padding="md">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            Results are shown after HR releases them. Groups with too few responses stay hidden.
          </Text>
          <Select
            aria-label="Cycle"
            data={released.map((c) => ({ value: c.id, label: `${c.name} (${formatDate(c.releasedAt)})` }))}
            value={cycleId}
            onChange={setChosen}
            allowDeselect={false}
            w={340}
          />
        </Group>
      </Card>
      {team.error && <ErrorState error={team.error} what="The team heatmap could not be loaded" />}
      {team.loading && !team.data && <Loading label="Loading the team heatmap…" />}
      {team.data && <Heatmap heatmap={team.data.teamReport} reportLink={(s) => `/cycles/${cycleId}/reports/${s}`} title="Your leaders" />}
      {team.data && cycleId && <TeamPlans cycleId={cycleId} leaders={team.data.teamReport.rows.map((r) => r.subject)} />}
    </Stack>
  );
}
