import type { ScoredReport } from '@leaderscope/vocabulary';
import { storedReport } from '../reports/stored-report';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HeatmapCellRow } from '../reports/subject-report.entity';

/** What the subject and their manager see after release: changes only by the publication rule. */
@Entity({ name: 'published_report' })
export class PublishedReportEntity {
  @PrimaryColumn('text', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'report_version' })
  reportVersion!: number;

  @Column('jsonb', { name: 'group_counts' })
  groupCounts!: Record<string, number>;

  /** The report as received, compressed (`bytea`: ReportsCompressed1768900000000), read as the engine's objects (its item results unpacked). */
  @Column('bytea', { transformer: storedReport })
  report!: ScoredReport;

  @Column('jsonb', { default: [] })
  cells!: HeatmapCellRow[];

  @Column('float8', { name: 'overall_fit', nullable: true })
  overallFit!: number | null;

  @Column('timestamptz', { name: 'published_at', default: () => 'now()' })
  publishedAt!: Date;
}
