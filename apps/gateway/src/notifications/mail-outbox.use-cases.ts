import { renderMail } from '@leaderscope/messages';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { ForbiddenError, InputError } from '../common/errors';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { OutboxMailFilter, OutboxMailKindValue, OutboxMailPage, RenderedOutboxMail } from './dto/notifications.model';
import { hrCycle, isUuid } from './hr-cycle';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import { MailDeliveriesRepository } from './mail-deliveries.repository';

/** The outbox's order, named in its cursors: a cursor of another list is refused. */
const NEWEST_FIRST = 'outboxNewest';
/** The creation time a cursor carries, as PostgreSQL wrote it (microseconds, UTC). */
const CREATED_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * HR: the mails that would have gone out (no mail server) — who, which mail, when; never a link in
 * the list — newest first, a page at a time (300,000 a cycle at 10,000 leaders: invitations and
 * reminders), all of the organisation's or one cycle's, optionally of one kind. Each page audited;
 * its total is counted only when asked for (a count of every mail listed).
 */
@Injectable()
export class ListMailOutboxUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly deliveries: MailDeliveriesRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async execute(
    viewer: Viewer,
    cycleId: string | null | undefined,
    args: { first?: number | null; after?: string | null; filter?: OutboxMailFilter | null } = {},
  ): Promise<OutboxMailPage> {
    this.access.requireHr(viewer);
    const request = pageRequest(args.first ?? 100, args.after, NEWEST_FIRST, SortDirection.DESC);
    if (request.after && (typeof request.after.key !== 'string' || !CREATED_KEY.test(request.after.key)))
      throw new InputError([
        { field: 'after', message: 'is not a cursor of this list in this sort order (start again without it)', code: 'staleCursor' },
      ]);
    if (cycleId) await hrCycle(this.access, viewer, cycleId);
    const scope = { organisationId: viewer.organisationId, cycleId: cycleId || null };
    const kinds = args.filter?.kind ? [args.filter.kind] : Object.values(OutboxMailKindValue);
    const after = request.after && { createdKey: request.after.key as string, mailId: request.after.id };
    const rows = await this.deliveries.outboxPage(scope, kinds, { first: request.first!, after });
    const page = toPage(rows, request, (r) => ({ key: r.createdKey, id: r.mailId }));
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'mail-outbox.listed',
        target: cycleId ? `cycle:${cycleId}` : 'organisation',
        detail: { count: page.nodes.length, kind: args.filter?.kind ?? null, next: request.after != null },
      }),
    );
    return {
      cycleId: scope.cycleId,
      pageInfo: page.pageInfo,
      counting: { ...scope, kinds },
      nodes: page.nodes.map((r) => ({
        mailId: r.mailId,
        kind: r.kind,
        cycleId: r.cycleId,
        to: r.email,
        recipientName: r.content.recipientName,
        // The subject line has no link; a stand-in token is enough to render it.
        subject: renderMail(r.content, this.options.publicUrl, 'link-not-shown').subject,
        createdAt: r.createdAt,
      })),
    };
  }

  /** How many mails the page's list has over all pages: counted only when asked for. */
  count(page: OutboxMailPage): Promise<number> {
    const { kinds, ...scope } = page.counting;
    return this.deliveries.outboxCount(scope, kinds);
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
