import { defineMessages } from 'react-intl';

/** The rater survey's words that are not inline beside their component (states of a link, relationships). */
export const messages = defineMessages({
  submittedTitle: { id: 'survey.submitted.title', defaultMessage: 'You have already submitted this survey — thank you' },
  submittedBody: {
    id: 'survey.submitted.body',
    defaultMessage:
      'Your feedback about {name} was submitted{date, select, none {} other { on {date}}}. It can no longer be changed, and nobody — you included — can open your answers through this link.',
  },
  closedTitle: { id: 'survey.closed.title', defaultMessage: 'This survey closed on {date}' },
  closedBody: {
    id: 'survey.closed.body',
    defaultMessage:
      '{cycle} no longer takes answers. If you think you should still have been able to answer, contact the HR team who sent the link.',
  },
  openFailed: { id: 'survey.open.failed', defaultMessage: 'Your survey could not be opened' },
  draftsFailed: { id: 'survey.drafts.failed', defaultMessage: 'Your saved answers could not be loaded' },
  refused: { id: 'survey.submit.refused', defaultMessage: 'Your answers were refused.' },
  tryAgain: { id: 'survey.link.retry', defaultMessage: 'Try again' },
  relationshipSelf: { id: 'survey.relationship.self', defaultMessage: 'yourself' },
  relationshipManager: { id: 'survey.relationship.manager', defaultMessage: 'their manager' },
  relationshipPeer: { id: 'survey.relationship.peer', defaultMessage: 'a peer' },
  relationshipDirectReport: { id: 'survey.relationship.directReport', defaultMessage: 'one of their direct reports' },
  relationshipSkipLevel: { id: 'survey.relationship.skipLevel', defaultMessage: 'someone in their wider team (a skip-level report)' },
  relationshipOther: { id: 'survey.relationship.other', defaultMessage: 'a partner they work with' },
});
