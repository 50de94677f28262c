import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { CycleEntity, CycleSubjectEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { OrganisationEntity } from '../people/organisation.entity';
import { PersonEntity } from '../people/person.entity';

export type PersonRow = Pick<PersonEntity, 'id' | 'name' | 'email'>;

/** A live assignment with the people and the cycle a mail or a link names. */
export interface AssignmentFacts {
  assignment: AssignmentEntity;
  cycle: CycleEntity;
  subject: PersonEntity;
  rater: PersonEntity;
}

/** What mails and links need from the directory, the cycles and the assignments. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  assignment(organisationId: string, assignmentId: string): Promise<AssignmentEntity | null> {
    return this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: assignmentId, organisationId });
  }

  /** A person's own assignments still to answer, in launched cycles not yet closed; soonest closing first. */
  async openSurveysOf(organisationId: string, personId: string): Promise<AssignmentFacts[]> {
    const assignments = await this.dataSource.getRepository(AssignmentEntity).findBy({
      organisationId,
      raterPersonId: personId,
      revokedAt: IsNull(),
      status: Not('submitted'),
    });
    if (assignments.length === 0) return [];
    const cycles = await this.dataSource.getRepository(CycleEntity).findBy({
      id: In([...new Set(assignments.map((a) => a.cycleId))]),
      status: 'launched',
      closesAt: MoreThan(new Date()),
    });
    const open = assignments.filter((a) => cycles.some((c) => c.id === a.cycleId));
    return (await this.withPeople(open, cycles)).sort(
      (x, y) => x.cycle.closesAt.getTime() - y.cycle.closesAt.getTime() || byText(x.subject.name, y.subject.name),
    );
  }

  /** The live assignments of a cycle whose rater has not submitted, by rater and subject. */
  /** The live assignments of a cycle whose rater has not submitted and has no e-mail address (the others get their link by mail). */
  async pendingLinks(cycle: CycleEntity): Promise<AssignmentFacts[]> {
    const assignments = await this.dataSource
      .getRepository(AssignmentEntity)
      .findBy({ cycleId: cycle.id, revokedAt: IsNull(), status: Not('submitted') });
    return (await this.withPeople(assignments, [cycle]))
      .filter((facts) => !facts.rater.email)
      .sort((x, y) => byText(x.rater.name, y.rater.name) || byText(x.subject.name, y.subject.name));
  }

  async subjectsOf(manager: EntityManager, cycleId: string): Promise<PersonRow[]> {
    const ids = (await manager.getRepository(CycleSubjectEntity).findBy({ cycleId })).map((s) => s.personId);
    return [...(await this.people(manager, ids)).values()];
  }

  /** Each subject of a cycle with their manager, if any. */
  async subjectsWithManagers(manager: EntityManager, cycleId: string): Promise<{ subject: PersonRow; manager: PersonRow | null }[]> {
    const ids = (await manager.getRepository(CycleSubjectEntity).findBy({ cycleId })).map((s) => s.personId);
    const subjects = ids.length ? await manager.getRepository(PersonEntity).findBy({ id: In(ids) }) : [];
    const managers = await this.people(
      manager,
      subjects.flatMap((s) => (s.managerId ? [s.managerId] : [])),
    );
    return subjects.map((s) => ({ subject: s, manager: s.managerId ? (managers.get(s.managerId) ?? null) : null }));
  }

  /** The subject and their manager, if any. */
  async managerOf(manager: EntityManager, subjectId: string): Promise<{ subject: PersonRow; manager: PersonRow | null } | null> {
    const subject = await manager.getRepository(PersonEntity).findOneBy({ id: subjectId });
    if (!subject) return null;
    const boss = subject.managerId ? await manager.getRepository(PersonEntity).findOneBy({ id: subject.managerId }) : null;
    return { subject, manager: boss };
  }

  async people(manager: EntityManager, ids: string[]): Promise<Map<string, PersonRow>> {
    // One array parameter, however many people (a launch of 10,000 subjects names about 100,000).
    const rows: PersonRow[] = ids.length
      ? await manager.query(`SELECT id, name, email FROM "gateway"."person" WHERE id = ANY($1::uuid[])`, [ids])
      : [];
    return new Map(rows.map((p) => [p.id, p]));
  }

  async personName(manager: EntityManager, personId: string): Promise<string | null> {
    return (await manager.getRepository(PersonEntity).findOneBy({ id: personId }))?.name ?? null;
  }

  async organisationName(manager: EntityManager, organisationId: string): Promise<string> {
    return (await manager.getRepository(OrganisationEntity).findOneBy({ id: organisationId }))?.name ?? 'your organisation';
  }

  private async withPeople(assignments: AssignmentEntity[], cycles: CycleEntity[]): Promise<AssignmentFacts[]> {
    if (assignments.length === 0) return [];
    const people = await this.dataSource
      .getRepository(PersonEntity)
      .findBy({ id: In([...new Set(assignments.flatMap((a) => [a.subjectId, a.raterPersonId]))]) });
    const byId = new Map(people.map((p) => [p.id, p]));
    return assignments.map((a) => ({
      assignment: a,
      cycle: cycles.find((c) => c.id === a.cycleId)!,
      subject: byId.get(a.subjectId)!,
      rater: byId.get(a.raterPersonId)!,
    }));
  }
}

/** Text order as PostgreSQL's C collation sorts it (code points). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
