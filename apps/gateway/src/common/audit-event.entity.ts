import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Plain facts about an audited action (counts, ids, flags): never answers or figures. */
export type AuditDetail = Record<string, string | number | boolean | null>;

/** Who did what to whom: written in the same transaction as the change it describes. */
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  target!: string;

  @Column('jsonb', { default: {} })
  detail!: AuditDetail;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;
}
