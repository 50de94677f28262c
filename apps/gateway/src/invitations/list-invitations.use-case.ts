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

/** HR: the survey links of raters who have not submitted, for organisations without e-mail. Every listing is audited. */
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
    // Only links of raters who have not submitted: a submitted link shows nothing but that it was
    // submitted, and who answered is already in the progress (docs/anonymity.md).
    const rows = (await this.invitations.ofCycle(cycle.id)).filter((r) => !r.revokedAt && r.status !== 'submitted');
    const people = await this.people.mapByIds(
      viewer.organisationId,
      rows.flatMap((r) => [r.subjectId, r.raterPersonId]),
    );
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'invitations.listed',
        target: `cycle:${cycle.id}`,
        detail: { count: rows.length },
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
