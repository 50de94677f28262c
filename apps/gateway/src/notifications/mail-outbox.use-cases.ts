import { renderMail } from '@leaderscope/messages';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { ForbiddenError } from '../common/errors';
import { OutboxMail, RenderedOutboxMail } from './dto/notifications.model';
import { hrCycle, isUuid } from './hr-cycle';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import { MailDeliveriesRepository } from './mail-deliveries.repository';

/** HR: the mails that would have gone out (no mail server) — who, which mail, when; never a link in the list. Audited. */
@Injectable()
export class ListMailOutboxUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly deliveries: MailDeliveriesRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async execute(viewer: Viewer, cycleId?: string | null): Promise<OutboxMail[]> {
    this.access.requireHr(viewer);
    if (cycleId) await hrCycle(this.access, viewer, cycleId);
    const rows = await this.deliveries.outbox(viewer.organisationId, cycleId ?? null);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'mail-outbox.listed',
        target: cycleId ? `cycle:${cycleId}` : 'organisation',
        detail: { count: rows.length },
      }),
    );
    return rows.map((r) => ({
      mailId: r.mailId,
      kind: r.kind,
      cycleId: r.cycleId,
      to: r.email,
      recipientName: r.content.recipientName,
      // The subject line has no link; a stand-in token is enough to render it.
      subject: renderMail(r.content, this.options.publicUrl, 'link-not-shown').subject,
      createdAt: r.createdAt,
    }));
  }
}

/** HR opens one mail of the outbox: rendered with its link now, from the gateway's own encrypted token. Audited. */
@Injectable()
export class OpenOutboxMailUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly deliveries: MailDeliveriesRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async execute(viewer: Viewer, mailId: string): Promise<RenderedOutboxMail> {
    this.access.requireHr(viewer);
    const found = isUuid(mailId) ? await this.deliveries.outboxMail(viewer.organisationId, mailId) : null;
    if (!found) throw new ForbiddenError('This mail does not exist or you do not have access to it');
    const { mail: row, tokenCipher } = found;
    const mail = renderMail(row.content, this.options.publicUrl, tokenCipher ? this.cipher.decrypt(tokenCipher) : undefined);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'mail-outbox.opened',
        target: `mail:${row.mailId}`,
        detail: { assignmentId: row.assignmentId },
      }),
    );
    return { mailId: row.mailId, to: row.email, ...mail };
  }
}
