import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RaterGroupName } from '../common/rater-group';

export type NominationSource = 'proposed' | 'subject' | 'hr';
export type NominationStatus = 'proposed' | 'approved' | 'removed';

/** A proposed or approved rater for one subject. */
@Entity({ name: 'nomination' })
export class NominationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'rater_id' })
  raterId!: string;

  @Column('text', { name: 'rater_group' })
  raterGroup!: RaterGroupName;

  @Column('text')
  source!: NominationSource;

  @Column('text')
  status!: NominationStatus;
}
