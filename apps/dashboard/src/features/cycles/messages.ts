import { defineMessages } from 'react-intl';

/** The survey links tab: links only of raters without an e-mail address (docs/anonymity.md). */
export const linkMessages = defineMessages({
  title: { id: 'cycles.links.title', defaultMessage: 'Survey links' },
  byMail: {
    id: 'cycles.links.byMail',
    defaultMessage:
      'Raters with an e-mail address get their personal link in their invitation mail, so their links are not shown here. You can follow each mail under Mail delivery on the Progress tab; with no mail server set up, the mails wait in the Mail outbox, where you can open them.',
  },
  withoutEmail: {
    id: 'cycles.links.withoutEmail',
    defaultMessage:
      'Here you can show the links of raters who have no e-mail address and have not answered yet, to hand to each person yourself. Share a link only with the person named. Showing the links is recorded in the audit log.',
  },
  show: { id: 'cycles.links.show', defaultMessage: 'Show survey links' },
  count: {
    id: 'cycles.links.count',
    defaultMessage: '{count, plural, one {# survey link} other {# survey links}} for raters without e-mail',
  },
  none: {
    id: 'cycles.links.none',
    defaultMessage: 'No links to hand out: every rater who has not answered yet has an e-mail address and gets their link by mail.',
  },
  mailOutbox: { id: 'cycles.links.mailOutbox', defaultMessage: 'Open the mail outbox' },
});

/** The cycle's stricter threshold for comments (docs/anonymity.md). */
export const commentThresholdMessages = defineMessages({
  label: { id: 'cycles.commentThreshold.label', defaultMessage: 'Comment threshold' },
  description: {
    id: 'cycles.commentThreshold.description',
    defaultMessage:
      'The fewest answers a group (other than self and manager) needs before its written comments are shown. At least the anonymity threshold; raise it to protect comments more than scores.',
  },
  tooLow: {
    id: 'cycles.commentThreshold.tooLow',
    defaultMessage: 'The comment threshold must be at least the anonymity threshold ({threshold}).',
  },
  tooHigh: { id: 'cycles.commentThreshold.tooHigh', defaultMessage: 'The comment threshold can be at most 50.' },
  save: { id: 'cycles.commentThreshold.save', defaultMessage: 'Save comment threshold' },
  saved: { id: 'cycles.commentThreshold.saved', defaultMessage: 'Saved: comments are shown from {count} answers in a group.' },
  failed: { id: 'cycles.commentThreshold.failed', defaultMessage: 'The comment threshold was not changed' },
  summary: {
    id: 'cycles.commentThreshold.summary',
    defaultMessage: 'groups shown from {threshold} answers, their comments from {comments}',
  },
});
