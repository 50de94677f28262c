import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CycleStatus = 'draft' | 'launched' | 'closed' | 'released';
export type RaterGroupName = 'self' | 'manager' | 'peer' | 'direct_report' | 'skip_level' | 'other';

/** A 360 review cycle: who is reviewed, with which instrument, against which role profile. */
@Entity({ name: 'cycle' })
export class CycleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('text', { name: 'role_profile_id' })
  roleProfileId!: string;

  @Column('int', { name: 'anonymity_threshold' })
  anonymityThreshold!: number;

  /** Minimum approved raters per group before launch. */
  @Column('jsonb', { name: 'min_raters' })
  minRaters!: Partial<Record<RaterGroupName, number>>;

  @Column('int', { name: 'max_raters_per_group' })
  maxRatersPerGroup!: number;

  @Column('timestamptz', { name: 'opens_at' })
  opensAt!: Date;

  @Column('timestamptz', { name: 'closes_at' })
  closesAt!: Date;

  @Column('text')
  status!: CycleStatus;

  @Column('timestamptz', { name: 'launched_at', nullable: true })
  launchedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'released_at', nullable: true })
  releasedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}

@Entity({ name: 'cycle_subject' })
export class CycleSubjectEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;
}

export type NominationSource = 'proposed' | 'subject' | 'hr';
export type NominationStatus = 'proposed' | 'approved' | 'removed';

/** A proposed or approved rater for one subject. */
@Entity({ name: 'nomination' })
export class NominationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'rater_id' })
  raterId!: string;

  @Column('text', { name: 'rater_group' })
  raterGroup!: RaterGroupName;

  @Column('text')
  source!: NominationSource;

  @Column('text')
  status!: NominationStatus;
}

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
