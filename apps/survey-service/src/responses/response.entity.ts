import type { ScoringPolicy } from '@leaderscope/events';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One rater's answers for one subject, append-only: a correction is a new row with the next
 * `responseVersion`, never an update in place.
 */
@Entity({ name: 'response' })
@Index(['cycleId', 'subjectId', 'raterId', 'responseVersion'], { unique: true })
export class ResponseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'submission_id', unique: true })
  submissionId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('text', { name: 'rater_id' })
  raterId!: string;

  @Column('text', { name: 'rater_group' })
  raterGroup!: string;

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('int', { name: 'response_version' })
  responseVersion!: number;

  @Column('jsonb')
  answers!: Record<string, number | null>;

  @Column('jsonb')
  comments!: Record<string, string>;

  /** How the cycle scores this response (anonymity threshold, role profile), as submitted. */
  @Column('jsonb')
  policy!: ScoringPolicy;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** A submission the survey service refused, with reasons the rater can read back. */
@Entity({ name: 'rejection' })
export class RejectionEntity {
  @PrimaryColumn('uuid', { name: 'submission_id' })
  submissionId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('jsonb')
  reasons!: { field: string; message: string }[];

  @CreateDateColumn({ name: 'rejected_at', type: 'timestamptz' })
  rejectedAt!: Date;
}
