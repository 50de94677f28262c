import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { useAuth } from '../auth/AuthProvider';
import { CYCLES } from '../cycles/operations';
import { MyRaterList } from '../cycles/MyRaterLists';
import { STATUS } from '../cycles/status';

/** The leader's own cycles: released ones open the report, others say when it will come. */
export function MyReports() {
  const { me } = useAuth();
  const { data, loading, error, refetch } = useQuery(CYCLES, { fetchPolicy: 'cache-and-network' });
  const personId = me?.person?.id;
  if (error) return <ErrorState error={error} what="Your cycles could not be loaded" onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label="Loading your feedback…" />;
  const mine = (data?.cycles ?? [])
    .filter((c) => c.subjects.some((s) => s.id === personId))
    .sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt));
  if (!personId || mine.length === 0)
    return (
      <EmptyState title="No feedback yet">
        When you are reviewed in a cycle and HR releases the results, your report appears here.
      </EmptyState>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {mine.map((c) => {
        const released = c.status === 'RELEASED';
        const body = (
          <>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={2} fz="lg">
                {c.name}
              </Title>
              <Badge color={released ? 'teal' : STATUS[c.status].color} variant="light">
                {released ? 'Report ready' : STATUS[c.status].label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={6}>
              {released
                ? `Released ${formatDate(c.releasedAt)}`
                : `Your report appears here once HR releases the results (the survey closes ${formatDate(c.closesAt)}).`}
            </Text>
            {released && (
              <Group gap={6} mt="md" c="brand.7">
                <Text size="sm" fw={600}>
                  Open my report
                </Text>
                <IconArrowRight size={16} aria-hidden />
              </Group>
            )}
          </>
        );
        return released ? (
          <Card key={c.id} component={Link} to={`/cycles/${c.id}/reports/${personId}`} className="cycle-card">
            {body}
          </Card>
        ) : (
          <Card key={c.id}>
            {body}
            {c.status === 'DRAFT' && <MyRaterList cycle={c} />}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
