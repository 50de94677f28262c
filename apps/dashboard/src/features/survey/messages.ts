import { defineMessages, type MessageDescriptor } from 'react-intl';

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
  refusedAnswers: {
    id: 'survey.submit.refused.answers',
    defaultMessage:
      'Some answers could not be recorded: the survey may have changed since you opened it. Reload the page, check your answers and submit again.',
  },
  refusedSetup: {
    id: 'survey.submit.refused.setup',
    defaultMessage:
      'Your answers could not be recorded because this survey is not set up correctly. Please tell the HR team who sent you the link; once they have fixed it, you can submit again from the same link.',
  },
  tryAgain: { id: 'survey.link.retry', defaultMessage: 'Try again' },
  relationshipSelf: { id: 'survey.relationship.self', defaultMessage: 'yourself' },
  relationshipManager: { id: 'survey.relationship.manager', defaultMessage: 'their manager' },
  relationshipPeer: { id: 'survey.relationship.peer', defaultMessage: 'a peer' },
  relationshipDirectReport: { id: 'survey.relationship.directReport', defaultMessage: 'one of their direct reports' },
  relationshipSkipLevel: { id: 'survey.relationship.skipLevel', defaultMessage: 'someone in their wider team (a skip-level report)' },
  relationshipOther: { id: 'survey.relationship.other', defaultMessage: 'a partner they work with' },
});

/**
 * A refused submission's reasons (fields such as `answers.<item>`, `comments.<dimension>`,
 * `policy.roleProfileId`) in a rater's words: answers they can check and send again, or a setup
 * problem only HR can fix. The server's own sentences are for API clients, never shown.
 */
export function rejectionMessage(reasons: readonly { field: string }[]): MessageDescriptor {
  return reasons.length === 0 || reasons.some((r) => /^(answers|comments)\b/.test(r.field))
    ? messages.refusedAnswers
    : messages.refusedSetup;
}
