import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable } from '../../app/VirtualTable';
import { m } from './messages';
import { DEVELOPMENT_PLAN_COVERAGE, DEVELOPMENT_PLAN_COVERAGE_PAGE } from './operations';

/** Leaders per page (10,000 in a large cycle: the list is paged and virtualised). */
const COVERAGE_PAGE = 100;

/** HR's cycle page: how many leaders have a development plan, and who — never what it says. */
export function PlanCoverage({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const [withoutOnly, setWithoutOnly] = useState(false);
  const query = useQuery(DEVELOPMENT_PLAN_COVERAGE, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  const variables = { cycleId, first: COVERAGE_PAGE, filter: { withoutPlanOnly: withoutOnly || undefined } };
  const list = useQuery(DEVELOPMENT_PLAN_COVERAGE_PAGE, { variables, fetchPolicy: 'cache-and-network' });
  const next = useNextPage(
    (options) => list.fetchMore(options),
    list.data?.developmentPlanCoveragePage.pageInfo,
    JSON.stringify(variables),
  );
  const page = (list.data ?? list.previousData)?.developmentPlanCoveragePage;
  const error = query.error ?? list.error;
  if (error)
    return (
      <ErrorState
        error={error}
        what={intl.formatMessage(m.coverageFailed)}
        onRetry={() => void Promise.all([query.refetch(), list.refetch()])}
      />
    );
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
      <Switch
        size="sm"
        mb="sm"
        label={intl.formatMessage(m.coverageWithoutOnly)}
        checked={withoutOnly}
        onChange={(e) => setWithoutOnly(e.currentTarget.checked)}
      />
      {page && page.nodes.length === 0 && withoutOnly ? (
        <Text size="sm" c="dimmed">
          {intl.formatMessage(m.coverageAllHavePlans)}
        </Text>
      ) : (
        page && (
          <VirtualTable
            label={intl.formatMessage(m.coverageTable)}
            rowCount={page.nodes.length}
            totalCount={page.totalCount}
            hasNextPage={next.hasNextPage}
            loadingMore={next.loadingMore}
            onLoadMore={next.loadMore}
            estimateRowHeight={40}
            columnCount={2}
            maxHeight={360}
            tableProps={{ verticalSpacing: 6, striped: true }}
            header={
              <Table.Tr aria-rowindex={1}>
                <Table.Th scope="col">{intl.formatMessage(m.coverageLeader)}</Table.Th>
                <Table.Th scope="col">{intl.formatMessage(m.coveragePlan)}</Table.Th>
              </Table.Tr>
            }
            renderRow={(index, rowProps) => {
              const s = page.nodes[index];
              return (
                <Table.Tr key={s.subjectId} {...rowProps}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>
                    <Badge variant={s.hasPlan ? 'light' : 'outline'} color={s.hasPlan ? 'teal' : 'gray'} tt="none">
                      {intl.formatMessage(s.hasPlan ? m.hasPlan : m.noPlan)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            }}
          />
        )
      )}
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(m.coverageFailed)} onRetry={next.retry} />}
    </Card>
  );
}
