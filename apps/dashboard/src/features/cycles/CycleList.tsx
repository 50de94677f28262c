import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconArrowRight, IconCalendar, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate, profileName } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { CYCLES } from './operations';
import { CycleStatusBadge } from './status';

export function CycleList() {
  const { data, loading, error, refetch } = useQuery(CYCLES, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what="The cycles could not be loaded" onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label="Loading cycles…" />;
  const cycles = [...(data?.cycles ?? [])].sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt));
  if (cycles.length === 0)
    return (
      <EmptyState
        title="No review cycles yet"
        action={
          <Button component={Link} to="/cycles/new">
            Create your first cycle
          </Button>
        }
      >
        Import your organisation, then create a cycle: choose who is reviewed, confirm their raters and launch.
      </EmptyState>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {cycles.map((c) => (
        <Card key={c.id} component={Link} to={`/cycles/${c.id}`} className="cycle-card" aria-label={`${c.name}, ${c.status.toLowerCase()}`}>
          <Stack gap={8}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={2} fz="lg">
                {c.name}
              </Title>
              <CycleStatusBadge status={c.status} />
            </Group>
            <Group gap="lg" c="dimmed">
              <Group gap={6}>
                <IconCalendar size={16} aria-hidden />
                <Text size="sm">
                  {formatDate(c.opensAt)} – {formatDate(c.closesAt)}
                </Text>
              </Group>
              <Group gap={6}>
                <IconUsers size={16} aria-hidden />
                <Text size="sm">
                  {c.subjects.length} {c.subjects.length === 1 ? 'leader' : 'leaders'}
                </Text>
              </Group>
            </Group>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {profileName(c.roleProfileId)} · instrument v{c.instrumentVersion} · anonymity ≥ {c.anonymityThreshold}
              </Text>
              <IconArrowRight size={18} aria-hidden color="var(--mantine-color-brand-7)" />
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
