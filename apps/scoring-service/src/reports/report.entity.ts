import type { PackedReport, ScoredReport } from '@leaderscope/vocabulary';
import type { ScoringPolicy } from '@leaderscope/events';
import { compressedJson } from '@leaderscope/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The scoring service's own copy of each recorded response (every version), fed by events. */
@Entity({ name: 'rater_response' })
export class RaterResponseEntity {
  @PrimaryColumn('uuid', { name: 'response_id' })
  responseId!: string;

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

  /** dimensionId -> comment text */
  @Column('jsonb')
  comments!: Record<string, string>;

  /** The cycle's scoring policy as carried by the response (threshold, role profile). */
  @Column('jsonb')
  policy!: ScoringPolicy;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}

/** 'live' is the cycle's own result set; a rescore's is its rescore id. */
export const LIVE_RESULT_SET = 'live';

/** One subject's report in one cycle and one result set: the read model the scoring service writes. */
@Entity({ name: 'subject_report' })
export class SubjectReportEntity {
  @PrimaryColumn('text', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('text', { name: 'subject_id' })
  subjectId!: string;

  @PrimaryColumn('text', { name: 'result_set' })
  resultSet!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'report_version' })
  reportVersion!: number;

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('text', { name: 'role_profile_id', nullable: true })
  roleProfileId!: string | null;

  @Column('int', { name: 'min_group_size' })
  minGroupSize!: number;

  /** Counted raters per group (distinct raters whose latest response was scored). */
  @Column('jsonb', { name: 'group_counts' })
  groupCounts!: Record<string, number>;

  @Column('int', { name: 'response_count' })
  responseCount!: number;

  /**
   * The whole SubjectReport of @leaderscope/scoring's buildSubjectReport (its JSON text, compressed:
   * ReportsCompressed1768900000001; parsed on read). Null in the live result set, whose report is its
   * snapshot in force, in the disclosure ledger (LiveReportInLedgerOnly).
   */
  @Column('bytea', { nullable: true, transformer: compressedJson() })
  report!: PackedReport | ScoredReport | null;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}

/** A rescore of one cycle: what it scores with, and when it finished. Its reports are result set `rescoreId`. */
@Entity({ name: 'rescore' })
export class RescoreEntity {
  @PrimaryColumn('text', { name: 'rescore_id' })
  rescoreId!: string;

  @PrimaryColumn('text', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('text', { name: 'role_profile_id', nullable: true })
  roleProfileId!: string | null;

  @Column('int', { name: 'min_group_size' })
  minGroupSize!: number;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('int', { name: 'subject_count', nullable: true })
  subjectCount!: number | null;
}
