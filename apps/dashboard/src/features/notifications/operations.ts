import { graphql } from '../../gql';

export const MY_SURVEYS = graphql(`
  query MySurveys {
    mySurveys {
      assignmentId
      cycleId
      cycleName
      subjectName
      relationship
      status
      closesAt
      path
    }
  }
`);

export const RATER_MAIL_DELIVERY_FIELDS = graphql(`
  fragment RaterMailDeliveryFields on RaterMailDelivery {
    assignmentId
    subjectId
    subjectName
    raterName
    raterEmail
    group
    surveyStatus
    invitation {
      mailId
      status
      reason
      attempts
      updatedAt
    }
    reminder {
      mailId
      status
      reason
      attempts
      updatedAt
    }
  }
`);

export const CYCLE_MAIL_DELIVERY_PAGE = graphql(`
  query CycleMailDeliveryPage($cycleId: ID!, $first: Int, $after: String, $filter: MailDeliveryFilter, $sort: MailDeliverySort) {
    cycleMailDeliveryPage(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {
      cycleId
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...RaterMailDeliveryFields
      }
    }
  }
`);

export const CYCLE_MAIL_DELIVERY_TOTALS = graphql(`
  query CycleMailDeliveryTotals($cycleId: ID!) {
    cycleMailDeliveryTotals(cycleId: $cycleId) {
      mail
      status
      count
    }
  }
`);

export const RESEND_INVITATION = graphql(`
  mutation ResendInvitation($assignmentId: ID!) {
    resendInvitation(assignmentId: $assignmentId)
  }
`);

export const MAIL_OUTBOX = graphql(`
  query MailOutbox($cycleId: ID, $first: Int, $after: String, $filter: OutboxMailFilter) {
    mailOutbox(cycleId: $cycleId, first: $first, after: $after, filter: $filter) {
      cycleId
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        mailId
        kind
        cycleId
        recipientName
        to
        subject
        createdAt
      }
    }
  }
`);

export const MAIL_OUTBOX_MESSAGE = graphql(`
  query MailOutboxMessage($mailId: ID!) {
    mailOutboxMessage(mailId: $mailId) {
      mailId
      to
      subject
      text
      html
      link
    }
  }
`);

export const SURVEY_LINKS_CSV = graphql(`
  query SurveyLinksCsv($cycleId: ID!) {
    surveyLinksCsv(cycleId: $cycleId)
  }
`);
