import { defineMessages } from 'react-intl';

/** A manager's team view. */
export const messages = defineMessages({
  loadFailed: { id: 'team.loadFailed', defaultMessage: 'Your cycles could not be loaded' },
  loading: { id: 'team.loading', defaultMessage: 'Loading your team…' },
  emptyTitle: { id: 'team.empty.title', defaultMessage: 'No released results yet' },
  empty: {
    id: 'team.empty',
    defaultMessage: 'When HR releases a cycle your leaders took part in, their reports and a team heatmap appear here.',
  },
  intro: { id: 'team.intro', defaultMessage: 'Results are shown after HR releases them. Groups with too few responses stay hidden.' },
  cycle: { id: 'team.cycle', defaultMessage: 'Cycle' },
  cycleOption: { id: 'team.cycleOption', defaultMessage: '{name} ({date})' },
  heatmapFailed: { id: 'team.heatmapFailed', defaultMessage: 'The team heatmap could not be loaded' },
  heatmapLoading: { id: 'team.heatmapLoading', defaultMessage: 'Loading the team heatmap…' },
  yourLeaders: { id: 'team.yourLeaders', defaultMessage: 'Your leaders' },
});
