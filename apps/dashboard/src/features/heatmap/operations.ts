import { graphql } from '../../gql';

export const HEATMAP_FIELDS = graphql(`
  fragment HeatmapFields on Heatmap {
    cycleId
    dimensions {
      id
      name
    }
    rows {
      subject {
        id
        name
        title
        department
      }
      overallFit
      responseCount
      cells {
        dimensionId
        mean
        fit
        suppressed
      }
    }
  }
`);

export const CYCLE_HEATMAP = graphql(`
  query CycleHeatmap($cycleId: ID!, $first: Int, $after: String, $filter: HeatmapFilter, $sort: HeatmapSort) {
    cycleHeatmap(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {
      ...HeatmapFields
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const TEAM_REPORT = graphql(`
  query TeamReport($cycleId: ID!) {
    teamReport(cycleId: $cycleId) {
      ...HeatmapFields
    }
  }
`);
