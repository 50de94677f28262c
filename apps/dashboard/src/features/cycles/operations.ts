import { graphql } from '../../gql';

export const CYCLE_FIELDS = graphql(`
  fragment CycleFields on Cycle {
    id
    name
    status
    instrumentId
    instrumentVersion
    roleProfileId
    anonymityThreshold
    commentThreshold
    maxRatersPerGroup
    opensAt
    closesAt
    launchedAt
    launchProgress {
      subjectsLaunched
      subjectsTotal
    }
    closedAt
    releasedAt
    followsUp {
      cycleId
      subjectId
    }
    minRaters {
      group
      count
    }
    subjects {
      id
      name
      title
      department
      managerId
    }
  }
`);

export const CYCLES = graphql(`
  query Cycles {
    cycles {
      ...CycleFields
    }
  }
`);

export const CYCLE = graphql(`
  query Cycle($id: ID!) {
    cycle(id: $id) {
      ...CycleFields
    }
  }
`);

/** How far a launch has got: polled while it runs (the cycle is updated in the cache by id). */
export const LAUNCH_PROGRESS = graphql(`
  query LaunchProgress($id: ID!) {
    cycle(id: $id) {
      id
      status
      launchedAt
      launchProgress {
        subjectsLaunched
        subjectsTotal
      }
    }
  }
`);

export const CREATE_CYCLE = graphql(`
  mutation CreateCycle($input: CreateCycleInput!) {
    createCycle(input: $input) {
      ...CycleFields
    }
  }
`);

export const ADD_SUBJECTS = graphql(`
  mutation AddSubjects($cycleId: ID!, $personIds: [ID!]!) {
    addSubjects(cycleId: $cycleId, personIds: $personIds) {
      ...CycleFields
    }
  }
`);

export const NOMINATIONS = graphql(`
  query Nominations($cycleId: ID!, $subjectId: ID) {
    nominations(cycleId: $cycleId, subjectId: $subjectId) {
      id
      subjectId
      group
      source
      status
      rater {
        id
        name
        title
        department
      }
    }
  }
`);

/** A leader's search for colleagues to propose (name, title, department only; the API gives leaders no directory). */
export const COLLEAGUES = graphql(`
  query Colleagues($cycleId: ID!, $search: String!, $first: Int) {
    colleagues(cycleId: $cycleId, search: $search, first: $first) {
      nodes {
        id
        name
        title
        department
      }
    }
  }
`);

export const PROPOSE_RATERS = graphql(`
  mutation ProposeRaters($cycleId: ID!, $subjectId: ID) {
    proposeRaters(cycleId: $cycleId, subjectId: $subjectId) {
      changed
      subjectsTouched
    }
  }
`);

export const NOMINATE_RATER = graphql(`
  mutation NominateRater($input: NominateRaterInput!) {
    nominateRater(input: $input) {
      id
    }
  }
`);

export const APPROVE_NOMINATIONS = graphql(`
  mutation ApproveNominations($cycleId: ID!, $subjectId: ID!) {
    approveNominations(cycleId: $cycleId, subjectId: $subjectId) {
      changed
      nominations {
        id
        status
      }
    }
  }
`);

/** HR: every subject's proposed raters at once (one call, answered as counts). */
export const APPROVE_ALL_NOMINATIONS = graphql(`
  mutation ApproveAllNominations($cycleId: ID!) {
    approveNominations(cycleId: $cycleId) {
      changed
      subjectsTouched
    }
  }
`);

export const LAUNCH_CYCLE = graphql(`
  mutation LaunchCycle($cycleId: ID!) {
    launchCycle(cycleId: $cycleId) {
      ...CycleFields
    }
  }
`);

export const SEND_REMINDERS = graphql(`
  mutation SendReminders($cycleId: ID!) {
    sendReminders(cycleId: $cycleId)
  }
`);

export const CLOSE_CYCLE = graphql(`
  mutation CloseCycle($cycleId: ID!) {
    closeCycle(cycleId: $cycleId) {
      ...CycleFields
    }
  }
`);

export const RELEASE_RESULTS = graphql(`
  mutation ReleaseResults($cycleId: ID!) {
    releaseResults(cycleId: $cycleId) {
      ...CycleFields
    }
  }
`);

export const RESULTS_CSV_DOWNLOAD = graphql(`
  mutation ResultsCsvDownload($cycleId: ID!) {
    resultsCsvDownload(cycleId: $cycleId) {
      url
    }
  }
`);

export const RESCORE_CYCLE = graphql(`
  mutation RescoreCycle($cycleId: ID!, $instrumentVersion: Int, $roleProfileId: String) {
    rescoreCycle(cycleId: $cycleId, instrumentVersion: $instrumentVersion, roleProfileId: $roleProfileId) {
      rescoreId
      instrumentVersion
      roleProfileId
    }
  }
`);

export const RESULT_SETS = graphql(`
  query ResultSets($cycleId: ID!) {
    resultSetDetails(cycleId: $cycleId) {
      id
      live
      instrumentVersion
      roleProfileId
      roleProfileName
      scoredAt
    }
  }
`);

export const RATER_INVITATIONS = graphql(`
  query RaterInvitations($cycleId: ID!) {
    raterInvitations(cycleId: $cycleId) {
      assignmentId
      group
      path
      status
      token
      rater {
        id
        name
        email
      }
      subject {
        id
        name
      }
    }
  }
`);

export const SET_COMMENT_THRESHOLD = graphql(`
  mutation SetCommentThreshold($cycleId: ID!, $commentThreshold: Int) {
    setCommentThreshold(cycleId: $cycleId, commentThreshold: $commentThreshold) {
      ...CycleFields
    }
  }
`);

export const CYCLE_SUBJECTS = graphql(`
  query CycleSubjects($cycleId: ID!, $first: Int, $after: String, $filter: PeopleFilterInput, $sort: PeopleSort) {
    cycleSubjects(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        title
        department
        managerId
      }
    }
  }
`);

export const NOMINATION_PAGE = graphql(`
  query NominationPage($cycleId: ID!, $first: Int, $after: String, $filter: NominationFilter, $sort: NominationSort) {
    nominationPage(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        subjectId
        group
        source
        status
        rater {
          id
          name
          title
          department
        }
      }
    }
  }
`);
