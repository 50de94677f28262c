import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconArrowRight } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { useAuth } from '../auth/AuthProvider';
import { CYCLES } from '../cycles/operations';
import { MyRaterList } from '../cycles/MyRaterLists';
import { STATUS } from '../cycles/status';
import { messages as m } from './messages';

/** The leader's own cycles: released ones open the report, others say when it will come. */
export function MyReports() {
  const { me } = useAuth();
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(CYCLES, { fetchPolicy: 'cache-and-network' });
  const personId = me?.person?.id;
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.myLoadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(m.myLoading)} />;
  const mine = (data?.cycles ?? [])
    .filter((c) => c.subjects.some((s) => s.id === personId))
    .sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt));
  if (!personId || mine.length === 0)
    return <EmptyState title={intl.formatMessage(m.myEmptyTitle)}>{intl.formatMessage(m.myEmpty)}</EmptyState>;
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
                {released ? intl.formatMessage(m.reportReady) : intl.formatMessage(STATUS[c.status].label)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={6}>
              {released
                ? intl.formatMessage(m.released, { date: formatDate(c.releasedAt) })
                : intl.formatMessage(m.waiting, { date: formatDate(c.closesAt) })}
            </Text>
            {released && (
              <Group gap={6} mt="md" c="brand.7">
                <Text size="sm" fw={600}>
                  {intl.formatMessage(m.openReport)}
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
