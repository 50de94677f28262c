import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cycle's cycle-level result in one result set: norms per dimension, alpha, ICC per rater group. */
@Entity({ name: 'cycle_result' })
export class CycleResultEntity {
  @PrimaryColumn('text', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('text', { name: 'result_set' })
  resultSet!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'result_version' })
  resultVersion!: number;

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('text', { name: 'role_profile_id', nullable: true })
  roleProfileId!: string | null;

  @Column('int', { name: 'min_group_size' })
  minGroupSize!: number;

  /** Once closed, the cycle's subjects join the organisation's norm group (never reopened by a later request). */
  @Column('boolean')
  closed!: boolean;

  @Column('int', { name: 'subject_count' })
  subjectCount!: number;

  /** The cycle's first recorded response: a subject's previous cycle ended before it. */
  @Column('timestamptz', { name: 'first_recorded_at' })
  firstRecordedAt!: Date;

  /** The `cycle.scored` payload's norms and reliability. */
  @Column('jsonb')
  result!: Record<string, unknown>;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}

/** One subject's comparisons in a cycle and result set: percentiles and the like-for-like trend. */
@Entity({ name: 'subject_comparison' })
export class SubjectComparisonEntity {
  @PrimaryColumn('text', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('text', { name: 'subject_id' })
  subjectId!: string;

  @PrimaryColumn('text', { name: 'result_set' })
  resultSet!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'comparison_version' })
  comparisonVersion!: number;

  /** dimensionId -> the subject's published others mean (what the norm group is made of) */
  @Column('jsonb', { name: 'norm_scores' })
  normScores!: Record<string, number>;

  /** The `report.comparisons-updated` payload's norms and trend. */
  @Column('jsonb')
  comparisons!: Record<string, unknown>;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}
