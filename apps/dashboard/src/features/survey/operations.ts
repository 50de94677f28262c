import { graphql } from '../../gql';

export const RATER_SURVEY = graphql(`
  query RaterSurvey($token: String!) {
    raterSurvey(token: $token) {
      cycleName
      subjectName
      relationship
      identifiable
      anonymityThreshold
      anonymityNote
      closesAt
      closedAt
      status
      submittedAt
      notAbleToRateLabel
      scale {
        value
        label
      }
      dimensions {
        id
        name
        description
        items {
          id
          text
        }
      }
      answers {
        itemId
        value
      }
      comments {
        dimensionId
        text
      }
    }
  }
`);

export const SAVE_SURVEY_DRAFT = graphql(`
  mutation SaveSurveyDraft($input: SurveyAnswersInput!) {
    saveSurveyDraft(input: $input) {
      answered
      total
      savedAt
    }
  }
`);

export const SUBMIT_SURVEY = graphql(`
  mutation SubmitSurvey($input: SubmitSurveyInput!) {
    submitSurvey(input: $input) {
      submissionId
      status
      acceptedAt
      reasons {
        field
        message
      }
    }
  }
`);
