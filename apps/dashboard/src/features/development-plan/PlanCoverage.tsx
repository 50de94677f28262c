import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { ErrorState } from '../../app/ui';
import { m } from './messages';
import { DEVELOPMENT_PLAN_COVERAGE } from './operations';

/** HR's cycle page: how many leaders have a development plan, and who — never what it says. */
export function PlanCoverage({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const query = useQuery(DEVELOPMENT_PLAN_COVERAGE, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  if (query.error)
    return <ErrorState error={query.error} what={intl.formatMessage(m.coverageFailed)} onRetry={() => void query.refetch()} />;
  const coverage = query.data?.developmentPlanCoverage;
  if (!coverage) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="plan-coverage-title">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4" id="plan-coverage-title">
          {intl.formatMessage(m.coverageTitle)}
        </Title>
        <Text fw={600}>{intl.formatMessage(m.coverage, { withPlan: coverage.withPlan, leaders: coverage.leaders })}</Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {intl.formatMessage(m.coverageNote)}
      </Text>
      <Group gap="xs" wrap="wrap">
        {coverage.subjects.map((s) => (
          <Badge key={s.subjectId} variant={s.hasPlan ? 'light' : 'outline'} color={s.hasPlan ? 'teal' : 'gray'} size="lg" tt="none">
            {s.name} — {intl.formatMessage(s.hasPlan ? m.hasPlan : m.noPlan)}
          </Badge>
        ))}
      </Group>
    </Card>
  );
}
