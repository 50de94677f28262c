import { graphql } from '../../gql';

export const PROGRESS_FIELDS = graphql(`
  fragment ProgressFields on CycleProgress {
    cycleId
    status
    invited
    started
    submitted
    recorded
    counted
    responseRate
    consistency {
      checkedAt
      notRecorded
      notCounted
      oldestReceivedAt
      ageSeconds
      stuck
      staleAfterSeconds
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

export const SUBJECT_PROGRESS_FIELDS = graphql(`
  fragment SubjectProgressFields on SubjectProgress {
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
      recorded
      counted
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
`);

export const CYCLE_PROGRESS_SUBJECTS = graphql(`
  query CycleProgressSubjects($cycleId: ID!, $first: Int, $after: String, $filter: ProgressFilter, $sort: ProgressSort) {
    cycleProgressSubjects(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {
      cycleId
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...SubjectProgressFields
      }
    }
  }
`);
