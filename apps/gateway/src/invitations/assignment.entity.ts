import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RaterGroupName } from '../common/rater-group';

export type AssignmentStatus = 'invited' | 'started' | 'submitted';

/** One rater asked about one subject, reached through an unguessable survey token. */
@Entity({ name: 'assignment' })
export class AssignmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'rater_person_id' })
  raterPersonId!: string;

  @Column('text', { name: 'rater_group' })
  raterGroup!: RaterGroupName;

  /** SHA-256 of the token: the token itself is never stored in the clear. */
  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  /** The token encrypted with the server key, so HR can list links (audited). */
  @Column('text', { name: 'token_cipher' })
  tokenCipher!: string;

  @Column('text')
  status!: AssignmentStatus;

  @Column('jsonb', { name: 'draft_answers' })
  draftAnswers!: Record<string, number | null>;

  @Column('jsonb', { name: 'draft_comments' })
  draftComments!: Record<string, string>;

  @Column('timestamptz', { name: 'invited_at' })
  invitedAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
