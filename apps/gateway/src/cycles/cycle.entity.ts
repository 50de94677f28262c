import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RaterGroupName } from '../common/rater-group';

/** `launching`: launched in slices, not every subject's raters invited yet (see LaunchCycleUseCase). */
export type CycleStatus = 'draft' | 'launching' | 'launched' | 'closed' | 'released';
/** A 360, or a follow-up pulse on one leader's development plan (docs/growth.md). */
export type CycleKind = '360' | 'pulse';

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

  /** Stricter threshold for comments (>= anonymityThreshold); null = the anonymity threshold. */
  @Column('int', { name: 'comment_threshold', nullable: true })
  commentThreshold!: number | null;

  /** Minimum approved raters per group before launch. */
  @Column('jsonb', { name: 'min_raters' })
  minRaters!: Partial<Record<RaterGroupName, number>>;

  @Column('int', { name: 'max_raters_per_group' })
  maxRatersPerGroup!: number;

  /** Automatic reminders to raters who have not submitted: days before the close. */
  @Column('int', { name: 'reminder_days_before_close', array: true })
  reminderDaysBeforeClose!: number[];

  @Column('timestamptz', { name: 'opens_at' })
  opensAt!: Date;

  @Column('timestamptz', { name: 'closes_at' })
  closesAt!: Date;

  @Column('text')
  status!: CycleStatus;

  @Column('timestamptz', { name: 'launched_at', nullable: true })
  launchedAt!: Date | null;

  /** While launching: the last subject whose raters were invited (subjects are launched in id order). */
  @Column('uuid', { name: 'launch_cursor', nullable: true })
  launchCursor!: string | null;

  /** Subjects to launch, counted when the launch began (null before). */
  @Column('int', { name: 'launch_subjects_total', nullable: true })
  launchSubjectsTotal!: number | null;

  /** Subjects whose raters were invited so far. */
  @Column('int', { name: 'launch_subjects_done', default: 0 })
  launchSubjectsDone!: number;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'released_at', nullable: true })
  releasedAt!: Date | null;

  /** When the retention setting's deletion of raw answers and comments was sent to the services. */
  @Column('timestamptz', { name: 'responses_purged_at', nullable: true })
  responsesPurgedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('text', { default: '360' })
  kind!: CycleKind;

  /** The instrument items this cycle asks (a pulse: the slots of the leader's plan); null = every item. */
  @Column('text', { name: 'asked_items', array: true, nullable: true })
  askedItems!: string[] | null;
}

@Entity({ name: 'cycle_subject' })
export class CycleSubjectEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;
}
