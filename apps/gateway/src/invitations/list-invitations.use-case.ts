import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { requireStatus } from '../cycles/cycle-status';
import { PeopleRepository } from '../people/people.repository';
import { RaterInvitation } from './dto/invitation.model';
import { InvitationsRepository } from './invitations.repository';

/**
 * HR: the survey links of raters who have not submitted and have no e-mail address. Everyone with
 * an address gets their link by mail (docs/notifications.md; with no mail server, in HR's audited
 * mail outbox). Every listing is audited, with how many links it showed and how many it left to mail.
 */
@Injectable()
export class ListInvitationsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly invitations: InvitationsRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<RaterInvitation[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['launched', 'closed'], 'list invitation links');
    // Only links of raters who have not submitted (a submitted link shows nothing but that it was
    // submitted, and who answered is already in the progress) and who have no e-mail address: the
    // others get theirs by mail, so HR holds no copy of them (docs/anonymity.md).
    const pending = (await this.invitations.ofCycle(cycle.id)).filter((r) => !r.revokedAt && r.status !== 'submitted');
    const people = await this.people.mapByIds(
      viewer.organisationId,
      pending.flatMap((r) => [r.subjectId, r.raterPersonId]),
    );
    const rows = pending.filter((r) => !people.get(r.raterPersonId)?.email);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'invitations.listed',
        target: `cycle:${cycle.id}`,
        detail: { count: rows.length, byMail: pending.length - rows.length },
      }),
    );
    return rows.map((r) => {
      const token = this.cipher.decrypt(r.tokenCipher);
      return {
        assignmentId: r.id,
        subject: people.get(r.subjectId)!,
        rater: people.get(r.raterPersonId)!,
        group: r.raterGroup,
        status: r.status,
        token,
        path: `/survey/${token}`,
      };
    });
  }
}
