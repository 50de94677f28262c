import { graphql } from '../../gql';

export const COACHING_FIELDS = graphql(`
  fragment CycleCoachingFields on CycleCoaching {
    cycleId
    coached
    leaders
    withCoach
    debriefsDone
  }
`);

export const CYCLE_COACHING = graphql(`
  query CycleCoaching($cycleId: ID!) {
    cycleCoaching(cycleId: $cycleId) {
      ...CycleCoachingFields
    }
  }
`);

export const CYCLE_COACHING_PAGE = graphql(`
  query CycleCoachingPage($cycleId: ID!, $first: Int, $after: String, $filter: CoachAssignmentFilter) {
    cycleCoachingPage(cycleId: $cycleId, first: $first, after: $after, filter: $filter) {
      cycleId
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        subjectId
        subjectName
        coachId
        coachName
        debriefDoneAt
      }
    }
  }
`);

export const SET_CYCLE_COACHED = graphql(`
  mutation SetCycleCoached($cycleId: ID!, $coached: Boolean!) {
    setCycleCoached(cycleId: $cycleId, coached: $coached) {
      ...CycleCoachingFields
    }
  }
`);

export const ASSIGN_COACH = graphql(`
  mutation AssignCoach($input: AssignCoachInput!) {
    assignCoach(input: $input) {
      ...CycleCoachingFields
    }
  }
`);

export const COACH_CANDIDATES = graphql(`
  query CoachCandidates($search: String) {
    people(search: $search, limit: 50) {
      id
      name
      title
    }
  }
`);

export const MY_COACHEES = graphql(`
  query MyCoachees {
    myCoachees {
      cycleId
      cycleName
      released
      subjectId
      subjectName
      debriefDoneAt
      hasPlan
    }
  }
`);

export const REPORT_COACHING = graphql(`
  query ReportCoaching($cycleId: ID!, $subjectId: ID!) {
    reportCoaching(cycleId: $cycleId, subjectId: $subjectId) {
      cycleId
      subjectId
      coachName
      debriefDone
      debriefDoneAt
      viewerIsCoach
    }
  }
`);

export const COMPLETE_DEBRIEF = graphql(`
  mutation CompleteDebrief($cycleId: ID!, $subjectId: ID!) {
    completeDebrief(cycleId: $cycleId, subjectId: $subjectId) {
      cycleId
      subjectId
      coachName
      debriefDone
      debriefDoneAt
      viewerIsCoach
    }
  }
`);
