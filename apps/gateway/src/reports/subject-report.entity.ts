import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The gateway's read model of each subject's report, fed by `report.updated` events. */
@Entity({ name: 'subject_report' })
export class SubjectReportEntity {
  @PrimaryColumn('text', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'report_version' })
  reportVersion!: number;

  @Column('int', { name: 'response_count' })
  responseCount!: number;

  @Column('jsonb')
  report!: Record<string, unknown>;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}
