/** Kafka topics. Each carries one stream; the event type and version travel in the envelope. */
export const Topics = {
  /** Survey submissions accepted by the gateway; keyed by cycle and subject. */
  SurveySubmissions: 'leaderscope.survey-submissions',
  /** Responses recorded (or rejected) by the survey service; keyed by cycle and subject. */
  Responses: 'leaderscope.responses',
  /** Subject reports written by the scoring service; keyed by cycle and subject. */
  Reports: 'leaderscope.reports',
  /**
   * Cycle-level results written by the scoring service (a cycle's norms and reliability, each
   * subject's comparisons); keyed by cycle, or by cycle and subject. A topic apart from the reports',
   * so their consumers neither fetch nor decompress every ~45 kB report to skip it.
   */
  CycleResults: 'leaderscope.cycle-results',
  /** Invitations and reminders for raters; keyed by cycle and subject. */
  Invitations: 'leaderscope.invitations',
  /** Cycle-wide commands and facts (rescoring, closing); keyed by cycle. */
  Cycles: 'leaderscope.cycles',
  /** What the notification service did with each mail (queued, sent, deferred, failed…); keyed by cycle and subject. */
  MailDeliveries: 'leaderscope.mail-deliveries',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Where a message goes after its last failed attempt. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** The partition key that keeps all events of one subject in one cycle in order. */
export function subjectKey(cycleId: string, subjectId: string): string {
  return `${cycleId}:${subjectId}`;
}
