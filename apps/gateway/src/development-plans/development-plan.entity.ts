import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FocusAreaKind = 'dimension' | 'item';

/** One focus area as stored: a dimension or an item of the cycle's instrument, and what the leader will do about it. */
export interface StoredFocusArea {
  kind: FocusAreaKind;
  /** The dimension's or the item's id in the cycle's instrument version. */
  id: string;
  actions: string;
}

/** One saved version of a leader's development plan for a cycle. A save never changes an older version. */
@Entity({ name: 'development_plan_version' })
export class DevelopmentPlanVersionEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('uuid', { name: 'subject_id' })
  subjectId!: string;

  @PrimaryColumn('int')
  version!: number;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('jsonb', { name: 'focus_areas' })
  focusAreas!: StoredFocusArea[];

  /** A calendar date, `YYYY-MM-DD`. */
  @Column('date', { name: 'review_date' })
  reviewDate!: string;

  @Column('uuid', { name: 'saved_by_account_id' })
  savedByAccountId!: string;

  @Column('timestamptz', { name: 'saved_at', default: () => 'now()' })
  savedAt!: Date;
}

/** The manager's comment on a plan, on the version they read. */
@Entity({ name: 'development_plan_comment' })
export class DevelopmentPlanCommentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('int', { name: 'plan_version' })
  planVersion!: number;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'author_person_id' })
  authorPersonId!: string;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
