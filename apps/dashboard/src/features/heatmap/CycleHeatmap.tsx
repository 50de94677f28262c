import { useQuery } from '@apollo/client/react';
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorState, Loading } from '../../app/ui';
import { Heatmap, type HeatmapServerQuery } from './Heatmap';
import { CYCLE_HEATMAP } from './operations';

/** Rows per page: the server filters, sorts and pages; more pages are appended on request. */
export const HEATMAP_PAGE = 100;

export function CycleHeatmap({ cycleId }: { cycleId: string }) {
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
  if (error) return <ErrorState error={error} what="The heatmap could not be loaded" onRetry={() => void refetch()} />;
  if (!shown) return <Loading label="Loading the heatmap…" />;
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
          {heatmap.rows.length} of {heatmap.totalCount} leaders shown
        </Text>
        {heatmap.pageInfo.hasNextPage && (
          <Button size="xs" variant="light" onClick={() => void loadMore()} loading={loadingMore}>
            Show {Math.min(HEATMAP_PAGE, heatmap.totalCount - heatmap.rows.length)} more
          </Button>
        )}
      </Group>
    </>
  );
}
