import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Someone in the organisation directory, imported from the HRIS. */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text', { name: 'employee_id' })
  employeeId!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  title!: string | null;

  @Column('text', { nullable: true })
  department!: string | null;

  @Column('text', { name: 'manager_employee_id', nullable: true })
  managerEmployeeId!: string | null;

  @Column('uuid', { name: 'manager_id', nullable: true })
  managerId!: string | null;

  /** When HR erased the person: name, e-mail and account gone (docs/data-protection.md). */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
