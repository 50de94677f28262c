import { useQuery } from '@apollo/client/react';
import { ErrorState, Loading } from '../../app/ui';
import { Heatmap } from './Heatmap';
import { CYCLE_HEATMAP } from './operations';

export function CycleHeatmap({ cycleId }: { cycleId: string }) {
  const { data, loading, error, refetch } = useQuery(CYCLE_HEATMAP, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what="The heatmap could not be loaded" onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label="Loading the heatmap…" />;
  if (!data) return null;
  return <Heatmap heatmap={data.cycleHeatmap} reportLink={(s) => `/cycles/${cycleId}/reports/${s}`} />;
}
