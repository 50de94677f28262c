import { personErasedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { DataProtectionRepository, ERASED_NAME } from './data-protection.repository';
import { PersonErasure } from './dto/person-data.model';

/**
 * HR erases a person (docs/data-protection.md): their name, e-mail and sign-in go from the
 * gateway, and `person.erased` asks every service to drop what it holds about them, in one
 * transaction. Their past answers stay only under an assignment id that no longer leads to a name;
 * reports do not change (no figure moves, so nothing is disclosed). Audited.
 */
@Injectable()
export class ErasePersonUseCase {
  constructor(
    private readonly repository: DataProtectionRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, personId: string): Promise<PersonErasure> {
    if (!isUuid(personId) || !(await this.repository.person(viewer.organisationId, personId)))
      throw new InputError([{ field: 'personId', message: 'no such person in this organisation', code: 'unknownPerson' }]);
    return this.outbox.transact(async ({ manager, emit }) => {
      const person = (await this.repository.lockPerson(manager, viewer.organisationId, personId))!;
      if (person.erasedAt)
        throw new ConflictError(`This person was erased on ${person.erasedAt.toISOString().slice(0, 10)}`, { reason: 'erasedAlready' });
      if (viewer.personId === person.id)
        throw new ConflictError('You cannot erase yourself while signed in: ask another HR administrator', { reason: 'eraseSelf' });
      const at = new Date();
      const { accounts, revokedLinks } = await this.repository.erase(manager, person, at);
      emit(
        personErasedV1,
        { personId: person.id, replacementName: ERASED_NAME, erasedAt: at.toISOString() },
        {
          organisationId: viewer.organisationId,
          correlationId: person.id,
        },
      );
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'person.erased',
        target: `person:${person.id}`,
        detail: { accountsDeleted: accounts, linksRevoked: revokedLinks },
      });
      return { personId: person.id, erasedAt: at, accountsDeleted: accounts, linksRevoked: revokedLinks };
    });
  }
}
