import { defineMessages } from 'react-intl';

/** The heatmap's words (HR's cycle results, a manager's team). */
export const messages = defineMessages({
  title: { id: 'heatmap.title', defaultMessage: 'Organisation heatmap' },
  intro: {
    id: 'heatmap.intro',
    defaultMessage: 'Others’ average minus the role’s target, per dimension. Blank cells have too few responses to show.',
  },
  legend: { id: 'heatmap.legend', defaultMessage: 'Colour legend' },
  search: { id: 'heatmap.search', defaultMessage: 'Search leaders' },
  department: { id: 'heatmap.department', defaultMessage: 'Department' },
  allDepartments: { id: 'heatmap.allDepartments', defaultMessage: 'All departments' },
  dimensions: { id: 'heatmap.dimensions', defaultMessage: 'Dimensions' },
  allDimensions: { id: 'heatmap.allDimensions', defaultMessage: 'All dimensions' },
  sort: { id: 'heatmap.sort', defaultMessage: 'Sort' },
  sortName: { id: 'heatmap.sort.name', defaultMessage: 'Sort by name' },
  sortFit: { id: 'heatmap.sort.fit', defaultMessage: 'Furthest below target first' },
  belowOnly: { id: 'heatmap.belowOnly', defaultMessage: 'Only leaders below target' },
  emptyTitle: { id: 'heatmap.empty.title', defaultMessage: 'No scored leaders yet' },
  empty: { id: 'heatmap.empty', defaultMessage: 'Figures appear as answers are scored.' },
  leader: { id: 'heatmap.column.leader', defaultMessage: 'Leader' },
  overall: { id: 'heatmap.column.overall', defaultMessage: 'Overall' },
  rowDetail: { id: 'heatmap.row.detail', defaultMessage: '{department} · {count, plural, one {# response} other {# responses}}' },
  overallLabel: { id: 'heatmap.cell.overall', defaultMessage: '{name}, overall' },
  cellLabel: { id: 'heatmap.cell.label', defaultMessage: '{name}, {dimension}' },
  cellTooFew: { id: 'heatmap.cell.tooFew', defaultMessage: 'too few responses to show' },
  cellNoData: { id: 'heatmap.cell.noData', defaultMessage: 'no data' },
  cellWords: {
    id: 'heatmap.cell.words',
    defaultMessage: '{band} ({fit}){mean, select, none {} other {, average {mean}}}',
  },
  cellAria: { id: 'heatmap.cell.aria', defaultMessage: '{label}: {words}' },
  noMatch: { id: 'heatmap.noMatch', defaultMessage: 'No leaders match these filters.' },
  loadFailed: { id: 'heatmap.loadFailed', defaultMessage: 'The heatmap could not be loaded' },
  loading: { id: 'heatmap.loading', defaultMessage: 'Loading the heatmap…' },
});
