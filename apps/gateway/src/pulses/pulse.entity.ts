import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FocusAreaKind } from '../development-plans/development-plan.entity';

/** One focus area of the plan as the pulse asks it: the slot item and what it stands for. */
export interface PulseFocusArea {
  /** The pulse instrument's slot item (`focus-1`…`focus-3`), in plan order. */
  slot: string;
  kind: FocusAreaKind;
  /** The dimension's or item's id in the followed-up cycle's instrument version. */
  id: string;
  /** The dimension's name or the item's text, as raters read it. */
  label: string;
}

/** A follow-up pulse: a cycle of kind `pulse` on one leader, and the released cycle and plan version it follows up. */
@Entity({ name: 'pulse' })
export class PulseEntity {
  /** The pulse's own cycle. */
  @PrimaryColumn('uuid', { name: 'pulse_id' })
  pulseId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  /** The released cycle followed up. */
  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('int', { name: 'plan_version' })
  planVersion!: number;

  @Column('jsonb', { name: 'focus_areas' })
  focusAreas!: PulseFocusArea[];

  @Column('text', { name: 'started_by' })
  startedBy!: 'leader' | 'hr';

  @Column('uuid', { name: 'started_by_account_id' })
  startedByAccountId!: string;

  @Column('timestamptz', { name: 'started_at', default: () => 'now()' })
  startedAt!: Date;
}
