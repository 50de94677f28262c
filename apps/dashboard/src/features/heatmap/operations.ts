import { graphql } from '../../gql';

export const HEATMAP_FIELDS = graphql(`
  fragment HeatmapFields on Heatmap {
    cycleId
    dimensions { id name }
    rows {
      subject { id name title department }
      overallFit
      responseCount
      cells { dimensionId mean fit suppressed }
    }
  }
`);

export const CYCLE_HEATMAP = graphql(`
  query CycleHeatmap($cycleId: ID!) {
    cycleHeatmap(cycleId: $cycleId) { ...HeatmapFields }
  }
`);

export const TEAM_REPORT = graphql(`
  query TeamReport($cycleId: ID!) {
    teamReport(cycleId: $cycleId) { ...HeatmapFields }
  }
`);
