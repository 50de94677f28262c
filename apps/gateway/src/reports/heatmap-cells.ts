import type { ScoredReport } from '@leaderscope/vocabulary';
import { HeatmapCellRow } from './subject-report.entity';

/** The heatmap's cells of one report: others' mean and fit to target per dimension (none for a suppressed figure). */
export function heatmapCells(report: Pick<ScoredReport, 'scores'>): HeatmapCellRow[] {
  return (report.scores?.dimensions ?? []).map((d) => ({
    dimensionId: d.dimensionId,
    suppressed: 'suppressed' in d.others,
    mean: 'suppressed' in d.others ? null : d.others.mean,
    fit: d.expectation?.fit ?? null,
  }));
}
