import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

export type SubmissionStatus = 'accepted' | 'recorded' | 'rejected';

/** A survey submission as the gateway accepted it: the receipt, keyed by its assignment and idempotency key. */
@Entity({ name: 'submission' })
@Unique('submission_assignment_idempotency_key', ['assignmentId', 'idempotencyKey'])
export class SubmissionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique per assignment: one rater's key never meets another rater's. */
  @Column('uuid', { name: 'idempotency_key' })
  idempotencyKey!: string;

  /** Hash of the submitted body: the same key with another body is refused. */
  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'assignment_id' })
  assignmentId!: string;

  @Column('text')
  status!: SubmissionStatus;

  @Column('jsonb', { nullable: true })
  reasons!: { field: string; message: string }[] | null;

  /** When the scoring service stored the response (`response.counted`); null until then. */
  @Column('timestamptz', { name: 'counted_at', nullable: true })
  countedAt!: Date | null;

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;
}
