import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cycle HR marked as coached: each leader's report reaches them only after their debrief. */
@Entity({ name: 'coached_cycle' })
export class CoachedCycleEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('timestamptz', { name: 'marked_at', default: () => 'now()' })
  markedAt!: Date;
}

/** A leader's coach in a coached cycle, and when the coach marked the debrief done. */
@Entity({ name: 'coach_assignment' })
export class CoachAssignmentEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @PrimaryColumn('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'coach_id' })
  coachId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('timestamptz', { name: 'assigned_at', default: () => 'now()' })
  assignedAt!: Date;

  @Column('timestamptz', { name: 'debrief_done_at', nullable: true })
  debriefDoneAt!: Date | null;
}
