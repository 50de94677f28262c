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

export const CYCLE_MAIL_DELIVERIES = graphql(`
  query CycleMailDeliveries($cycleId: ID!) {
    cycleMailDeliveries(cycleId: $cycleId) {
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
  }
`);

export const RESEND_INVITATION = graphql(`
  mutation ResendInvitation($assignmentId: ID!) {
    resendInvitation(assignmentId: $assignmentId)
  }
`);

export const MAIL_OUTBOX = graphql(`
  query MailOutbox($cycleId: ID) {
    mailOutbox(cycleId: $cycleId) {
      mailId
      kind
      cycleId
      recipientName
      to
      subject
      createdAt
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
