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
      projection {
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
