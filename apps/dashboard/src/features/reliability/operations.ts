import { graphql } from '../../gql';

export const CYCLE_RELIABILITY = graphql(`
  query CycleReliability($cycleId: ID!) {
    cycleReliability(cycleId: $cycleId) {
      cycleId
      scoredAt
      subjectCount
      target
      alpha {
        name
        alpha
      }
      groups {
        group
        icc1
        icck
        subjects
      }
      norms {
        available
      }
      projectedSubjects
      atRiskSubjects
    }
  }
`);

export const CYCLE_RELIABILITY_PROJECTION = graphql(`
  query CycleReliabilityProjection($cycleId: ID!, $first: Int, $after: String, $filter: ProjectionFilter) {
    cycleReliabilityProjection(cycleId: $cycleId, first: $first, after: $after, filter: $filter) {
      cycleId
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        subject {
          id
          name
        }
        groups {
          group
          invited
          sourceNote
          projected
          ratersForTarget
          warnings {
            code
            message
          }
        }
      }
    }
  }
`);
