import type { ScoredReport } from '@leaderscope/vocabulary';
import { storedReport } from './stored-report';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One heatmap cell stored beside each report, so the heatmap never reads whole reports. */
export interface HeatmapCellRow {
  dimensionId: string;
  suppressed: boolean;
  mean: number | null;
  fit: number | null;
}

/**
 * The read model of what the scoring service computed for one subject: the live result set and
 * one per rescore. The numbers are never recomputed here.
 */
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

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('text', { name: 'role_profile_id', nullable: true })
  roleProfileId!: string | null;

  @Column('int', { name: 'response_count' })
  responseCount!: number;

  @Column('jsonb', { name: 'group_counts' })
  groupCounts!: Record<string, number>;

  /** The report as received, compressed (`bytea`: ReportsCompressed1768900000000), read as the engine's objects (its item results unpacked). */
  @Column('bytea', { transformer: storedReport })
  report!: ScoredReport;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;

  @Column('jsonb', { default: [] })
  cells!: HeatmapCellRow[];

  @Column('float8', { name: 'overall_fit', nullable: true })
  overallFit!: number | null;
}
