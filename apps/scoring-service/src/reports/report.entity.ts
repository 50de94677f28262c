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

  @Column('jsonb')
  comments!: Record<string, string>;
}

/** The current report of one subject in one cycle: the read model the scoring service writes. */
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

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('int', { name: 'instrument_version' })
  instrumentVersion!: number;

  @Column('int', { name: 'response_count' })
  responseCount!: number;

  @Column('jsonb')
  report!: Record<string, unknown>;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}
