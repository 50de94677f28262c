import { EventEnvelope, mailDeliveryUpdatedV1 } from '@leaderscope/events';
import type { UnitOfWork } from '@leaderscope/service-kit';
import type { MailRow } from './mail.repository';

/** One `mail.delivery-updated` per mail whose state changed, in the same transaction as the change. */
export function emitDeliveries(emit: UnitOfWork['emit'], mails: MailRow[]): EventEnvelope[] {
  return mails
    .filter((m) => m.status !== 'sending')
    .map((m) =>
      emit(
        mailDeliveryUpdatedV1,
        {
          mailId: m.id,
          kind: m.kind,
          cycleId: m.cycleId,
          subjectId: m.subjectId,
          assignmentId: m.assignmentId,
          recipientPersonId: m.recipientPersonId,
          email: m.toAddress,
          status: m.status as Exclude<MailRow['status'], 'sending'>,
          reason: m.reason,
          attempts: m.attempts,
          content: m.content as unknown as Record<string, unknown>,
          sequence: m.sequence,
          updatedAt: new Date().toISOString(),
        },
        { organisationId: m.organisationId, correlationId: m.correlationId },
      ),
    );
}
