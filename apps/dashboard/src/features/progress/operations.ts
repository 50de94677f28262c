import { graphql } from '../../gql';

export const PROGRESS_FIELDS = graphql(`
  fragment ProgressFields on CycleProgress {
    cycleId
    status
    invited
    started
    submitted
    responseRate
    subjects {
      subject {
        id
        name
        title
        department
      }
      groups {
        group
        invited
        started
        submitted
      }
      nonResponders {
        group
        started
        rater {
          id
          name
          email
        }
      }
    }
  }
`);

export const CYCLE_PROGRESS = graphql(`
  query CycleProgress($cycleId: ID!) {
    cycleProgress(cycleId: $cycleId) {
      ...ProgressFields
    }
  }
`);

export const CYCLE_PROGRESS_CHANGED = graphql(`
  subscription CycleProgressChanged($cycleId: ID!) {
    cycleProgressChanged(cycleId: $cycleId) {
      ...ProgressFields
    }
  }
`);
