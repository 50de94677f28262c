import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type SubmissionStatus = 'accepted' | 'recorded' | 'rejected';

/** A survey submission as the gateway accepted it: the receipt, keyed by the idempotency key. */
@Entity({ name: 'submission' })
export class SubmissionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'idempotency_key', unique: true })
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

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;
}
