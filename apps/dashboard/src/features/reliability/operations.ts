import { graphql } from '../../gql';

export const CYCLE_RELIABILITY = graphql(`
  query CycleReliability($cycleId: ID!) {
    cycleReliability(cycleId: $cycleId) {
      cycleId
      scoredAt
      subjectCount
      target
      alpha { dimensionId name alpha respondents items }
      groups { group icc1 icck subjects }
      norms { dimensionId name n available }
      projection {
        subject { id name }
        groups { group invited singleRater source sourceNote projected ratersForTarget warnings { code message } }
      }
    }
  }
`);
