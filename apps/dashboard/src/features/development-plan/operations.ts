import { graphql } from '../../gql';

export const PLAN_FIELDS = graphql(`
  fragment DevelopmentPlanFields on DevelopmentPlan {
    cycleId
    subjectId
    version
    reviewDate
    savedAt
    editable
    commentable
    focusAreas {
      kind
      id
      label
      dimensionName
      actions
    }
    history {
      version
      reviewDate
      savedAt
      focusAreas {
        kind
        id
        label
        actions
      }
    }
    comments {
      id
      planVersion
      authorName
      body
      createdAt
    }
  }
`);

export const DEVELOPMENT_PLAN = graphql(`
  query DevelopmentPlan($cycleId: ID!, $subjectId: ID!) {
    developmentPlan(cycleId: $cycleId, subjectId: $subjectId) {
      ...DevelopmentPlanFields
    }
  }
`);

export const SAVE_DEVELOPMENT_PLAN = graphql(`
  mutation SaveDevelopmentPlan($input: SaveDevelopmentPlanInput!) {
    saveDevelopmentPlan(input: $input) {
      ...DevelopmentPlanFields
    }
  }
`);

export const COMMENT_ON_DEVELOPMENT_PLAN = graphql(`
  mutation CommentOnDevelopmentPlan($input: CommentOnDevelopmentPlanInput!) {
    commentOnDevelopmentPlan(input: $input) {
      ...DevelopmentPlanFields
    }
  }
`);

export const DEVELOPMENT_PLAN_COVERAGE = graphql(`
  query DevelopmentPlanCoverage($cycleId: ID!) {
    developmentPlanCoverage(cycleId: $cycleId) {
      cycleId
      leaders
      withPlan
    }
  }
`);

export const DEVELOPMENT_PLAN_COVERAGE_PAGE = graphql(`
  query DevelopmentPlanCoveragePage($cycleId: ID!, $first: Int, $after: String, $filter: PlanCoverageFilter) {
    developmentPlanCoveragePage(cycleId: $cycleId, first: $first, after: $after, filter: $filter) {
      cycleId
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        subjectId
        name
        hasPlan
      }
    }
  }
`);
