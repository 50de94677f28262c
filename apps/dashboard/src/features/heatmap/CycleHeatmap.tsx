import { useQuery } from '@apollo/client/react';
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState, Loading } from '../../app/ui';
import { Heatmap, type HeatmapServerQuery } from './Heatmap';
import { messages as m } from './messages';
import { CYCLE_HEATMAP } from './operations';

/** Rows per page: the server filters, sorts and pages; more pages are appended on request. */
export const HEATMAP_PAGE = 100;

export function CycleHeatmap({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const [query, setQuery] = useState<HeatmapServerQuery>({ search: '', department: null, sort: 'name' });
  const [loadingMore, setLoadingMore] = useState(false);
  const variables = {
    cycleId,
    first: HEATMAP_PAGE,
    filter: { search: query.search || undefined, department: query.department ?? undefined },
    sort:
      query.sort === 'fit' ? { by: 'OVERALL_FIT' as const, direction: 'ASC' as const } : { by: 'NAME' as const, direction: 'ASC' as const },
  };
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(CYCLE_HEATMAP, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void refetch()} />;
  if (!shown) return <Loading label={intl.formatMessage(m.loading)} />;
  const heatmap = shown.cycleHeatmap;
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: heatmap.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          cycleHeatmap: { ...fetchMoreResult.cycleHeatmap, rows: [...previous.cycleHeatmap.rows, ...fetchMoreResult.cycleHeatmap.rows] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <>
      <Heatmap
        heatmap={heatmap}
        reportLink={(s) => `/cycles/${cycleId}/reports/${s}`}
        server={{ query, onChange: setQuery, busy: loading }}
      />
      <Group justify="space-between" mt="xs" aria-live="polite">
        <Text size="xs" c="dimmed">
          {intl.formatMessage(m.shown, { shown: heatmap.rows.length, total: heatmap.totalCount })}
        </Text>
        {heatmap.pageInfo.hasNextPage && (
          <Button size="xs" variant="light" onClick={() => void loadMore()} loading={loadingMore}>
            {intl.formatMessage(m.more, { count: Math.min(HEATMAP_PAGE, heatmap.totalCount - heatmap.rows.length) })}
          </Button>
        )}
      </Group>
    </>
  );
}
