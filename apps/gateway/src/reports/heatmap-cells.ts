import type { SubjectReport as ScoredReport } from '@leaderscope/scoring';
import { HeatmapCellRow } from './subject-report.entity';

/** The heatmap's cells of one report: others' mean and fit to target per dimension (none for a suppressed figure). */
export function heatmapCells(report: ScoredReport): HeatmapCellRow[] {
  return (report.scores?.dimensions ?? []).map((d) => ({
    dimensionId: d.dimensionId,
    suppressed: 'suppressed' in d.others,
    mean: 'suppressed' in d.others ? null : d.others.mean,
    fit: d.expectation?.fit ?? null,
  }));
}
