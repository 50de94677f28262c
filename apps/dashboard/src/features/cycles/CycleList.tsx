import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconArrowRight, IconCalendar, IconUsers } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useProfileName } from '../../app/instruments';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { CYCLES } from './operations';
import { messages as m } from './messages';
import { CycleStatusBadge, STATUS } from './status';

export function CycleList() {
  const intl = useIntl();
  const profileName = useProfileName();
  const { data, loading, error, refetch } = useQuery(CYCLES, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.listLoadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(m.listLoading)} />;
  const cycles = [...(data?.cycles ?? [])].sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt));
  if (cycles.length === 0)
    return (
      <EmptyState
        title={intl.formatMessage(m.listEmptyTitle)}
        action={
          <Button component={Link} to="/cycles/new">
            {intl.formatMessage(m.listEmptyAction)}
          </Button>
        }
      >
        {intl.formatMessage(m.listEmpty)}
      </EmptyState>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {cycles.map((c) => (
        <Card
          key={c.id}
          component={Link}
          // a pulse has no results of its own to show HR: its counts are in the leader's pulse section
          to={c.followsUp ? `/cycles/${c.followsUp.cycleId}/reports/${c.followsUp.subjectId}#follow-up-pulse` : `/cycles/${c.id}`}
          className="cycle-card"
          aria-label={intl.formatMessage(m.listCardLabel, {
            name: c.name,
            status: intl.formatMessage(STATUS[c.status].label),
          })}
        >
          <Stack gap={8}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={2} fz="lg">
                {c.name}
              </Title>
              <Group gap={6} wrap="nowrap">
                {c.followsUp && (
                  <Badge variant="outline" color="grape">
                    {intl.formatMessage(m.pulseBadge)}
                  </Badge>
                )}
                <CycleStatusBadge status={c.status} />
              </Group>
            </Group>
            <Group gap="lg" c="dimmed">
              <Group gap={6}>
                <IconCalendar size={16} aria-hidden />
                <Text size="sm">{intl.formatMessage(m.listDates, { opens: formatDate(c.opensAt), closes: formatDate(c.closesAt) })}</Text>
              </Group>
              <Group gap={6}>
                <IconUsers size={16} aria-hidden />
                <Text size="sm">{intl.formatMessage(m.listLeaders, { count: c.subjects.length })}</Text>
              </Group>
            </Group>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {c.followsUp
                  ? intl.formatMessage(m.pulseDetail)
                  : intl.formatMessage(m.listDetail, {
                      profile: profileName(c.roleProfileId),
                      version: c.instrumentVersion,
                      threshold: c.anonymityThreshold,
                    })}
              </Text>
              <IconArrowRight size={18} aria-hidden color="var(--mantine-color-brand-7)" />
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
