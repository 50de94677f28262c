import type { MailContent } from '@leaderscope/messages';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The newest known state of one mail, from `mail.delivery-updated` (the notification service's word on it). */
@Entity({ name: 'mail_delivery' })
export class MailDeliveryEntity {
  @PrimaryColumn('uuid', { name: 'mail_id' })
  mailId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  /** The rater's assignment, for invitations and reminders. */
  @Column('uuid', { name: 'assignment_id', nullable: true })
  assignmentId!: string | null;

  @Column('uuid', { name: 'recipient_person_id' })
  recipientPersonId!: string;

  @Column('text')
  kind!: MailContent['kind'];

  @Column('text', { nullable: true })
  email!: string | null;

  /** queued, sent, deferred, failed, recorded (kept for the mail outbox) or skipped. */
  @Column('text')
  status!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('int')
  attempts!: number;

  /** Increases with every change of the mail: the newest state wins, whatever the order of arrival. */
  @Column('int')
  sequence!: number;

  /** What the mail says, without its secret (the survey link is added only when it is rendered). */
  @Column('jsonb')
  content!: MailContent;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
