import type { CycleScoredV1, ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The newest `cycle.scored` of a cycle's result set (norm availability, alpha, ICC per rater group). */
@Entity({ name: 'cycle_result' })
export class CycleResultEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('text', { name: 'result_set' })
  resultSet!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'result_version' })
  resultVersion!: number;

  @Column('text', { name: 'instrument_id' })
  instrumentId!: string;

  @Column('boolean')
  closed!: boolean;

  @Column('jsonb')
  result!: CycleScoredV1;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}

/** The newest `report.comparisons-updated` of a subject (percentiles, like-for-like trend). */
@Entity({ name: 'subject_comparison' })
export class SubjectComparisonEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('uuid', { name: 'subject_id' })
  subjectId!: string;

  @PrimaryColumn('text', { name: 'result_set' })
  resultSet!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('int', { name: 'comparison_version' })
  comparisonVersion!: number;

  @Column('jsonb')
  comparisons!: Pick<ReportComparisonsUpdatedV1, 'norms' | 'trend'>;

  @Column('timestamptz', { name: 'scored_at' })
  scoredAt!: Date;
}
