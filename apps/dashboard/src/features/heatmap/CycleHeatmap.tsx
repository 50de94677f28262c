import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { Heatmap, type HeatmapServerQuery } from './Heatmap';
import { messages as m } from './messages';
import { CYCLE_HEATMAP } from './operations';

/** Rows per page: the server filters, sorts and pages; the next page is fetched as the user scrolls. */
export const HEATMAP_PAGE = 100;

export function CycleHeatmap({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const [query, setQuery] = useState<HeatmapServerQuery>({ search: '', department: null, sort: 'name' });
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
  // Only the current list's own rows are paged on (not the previous filter's, shown while the new one loads).
  const next = useNextPage((options) => fetchMore(options), data?.cycleHeatmap.pageInfo, JSON.stringify(variables));
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void refetch()} />;
  if (!shown) return <Loading label={intl.formatMessage(m.loading)} />;
  const heatmap = shown.cycleHeatmap;
  return (
    <>
      <Heatmap
        heatmap={heatmap}
        reportLink={(s) => `/cycles/${cycleId}/reports/${s}`}
        server={{ query, onChange: setQuery, busy: loading }}
        paging={{ totalCount: heatmap.totalCount, hasNextPage: next.hasNextPage, loadingMore: next.loadingMore, onLoadMore: next.loadMore }}
      />
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(m.loadFailed)} onRetry={next.retry} />}
    </>
  );
}
