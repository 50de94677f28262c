import { invitationIssuedV2, nominationApprovalRequestedV1, nominationRequestedV1 } from '@leaderscope/events';
import { dashboardPaths, MailContent, publicLink, renderMail } from '@leaderscope/messages';
import { OutboxService } from '@leaderscope/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../common/audit.repository';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { Viewer } from '../access/viewer';
import { ConflictError, ForbiddenError, InputError } from '../common/errors';
import { AccessPolicy } from '../access/access.policy';

import { RaterGroup } from '../common/rater-group';
import { MailDeliveryState, OutboxMail, RaterMailDelivery, RenderedOutboxMail, SurveyToAnswer } from './dto/notifications.model';
import { NotificationEvents } from './notification-events';

export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');
export interface NotificationsOptions {
  /** Base of the links HR downloads or opens in the mail outbox (PUBLIC_URL). */
  publicUrl: string;
}

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** A CSV cell, quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * HR's view of mail (delivery per rater, the mail outbox when no mail server is configured, one
 * resend, the audited link export), a rater's own surveys to answer, and the requests to choose
 * and approve raters. Delivery itself is the notification service's.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditRepository,
    private readonly events: NotificationEvents,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  private async hrCycle(viewer: Viewer, cycleId: string) {
    this.access.requireHr(viewer);
    return this.access.cycle(viewer, cycleId);
  }

  /** Per rater: the invitation's and the latest reminder's delivery, for the progress board. */
  async deliveries(viewer: Viewer, cycleId: string): Promise<RaterMailDelivery[]> {
    const cycle = await this.hrCycle(viewer, cycleId);
    const rows = await this.dataSource.query(
      `SELECT a."id" AS "assignmentId", a."subject_id" AS "subjectId", s."name" AS "subjectName", r."name" AS "raterName", r."email" AS "raterEmail",
              a."rater_group" AS "group", a."status" AS "surveyStatus",
              (SELECT row_to_json(x) FROM (SELECT d."mail_id" AS "mailId", d."status", d."reason", d."attempts", d."updated_at" AS "updatedAt"
                 FROM "gateway"."mail_delivery" d WHERE d."assignment_id" = a."id" AND d."kind" = 'invitation' ORDER BY d."created_at" DESC LIMIT 1) x) AS "invitation",
              (SELECT row_to_json(x) FROM (SELECT d."mail_id" AS "mailId", d."status", d."reason", d."attempts", d."updated_at" AS "updatedAt"
                 FROM "gateway"."mail_delivery" d WHERE d."assignment_id" = a."id" AND d."kind" = 'reminder' ORDER BY d."created_at" DESC LIMIT 1) x) AS "reminder"
       FROM "gateway"."assignment" a JOIN "gateway"."person" s ON s."id" = a."subject_id" JOIN "gateway"."person" r ON r."id" = a."rater_person_id"
       WHERE a."cycle_id" = $1 AND a."revoked_at" IS NULL ORDER BY s."name", a."rater_group", r."name"`,
      [cycle.id],
    );
    const state = (s: (Omit<MailDeliveryState, 'updatedAt'> & { updatedAt: string }) | null) => (s ? { ...s, updatedAt: new Date(s.updatedAt) } : null);
    return rows.map((r: RaterMailDelivery & { invitation: never; reminder: never }) => ({ ...r, invitation: state(r.invitation), reminder: state(r.reminder) }));
  }

  /** HR resends one rater's invitation (same link, a new mail). Audited. */
  async resend(viewer: Viewer, assignmentId: string): Promise<boolean> {
    this.access.requireHr(viewer);
    const [a] = isUuid(assignmentId)
      ? await this.dataSource.query(
          `SELECT a."id", a."cycle_id" AS "cycleId", a."subject_id" AS "subjectId", a."rater_person_id" AS "raterPersonId", a."rater_group" AS "raterGroup",
                  a."token_cipher" AS "tokenCipher", a."status", a."revoked_at" AS "revokedAt"
           FROM "gateway"."assignment" a WHERE a."id" = $1 AND a."organisation_id" = $2`,
          [assignmentId, viewer.organisationId],
        )
      : [];
    if (!a) throw new ForbiddenError('This invitation does not exist or you do not have access to it');
    const cycle = await this.hrCycle(viewer, a.cycleId);
    if (cycle.status !== 'launched') throw new ConflictError(`Cannot resend an invitation: the cycle is ${cycle.status}`);
    if (a.revokedAt) throw new ConflictError('This invitation was revoked');
    if (a.status === 'submitted') throw new ConflictError('This rater has submitted already');
    await this.outbox.transact(async ({ manager, emit }) => {
      const requestedBy = await this.events.requester(manager, viewer);
      const [payload] = await this.events.invitations(manager, cycle, requestedBy, [{ ...a, token: this.cipher.decrypt(a.tokenCipher) }], { resend: true });
      emit(invitationIssuedV2, payload, { organisationId: cycle.organisationId, correlationId: cycle.id });
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'invitation.resent', target: `assignment:${a.id}` });
    });
    return true;
  }

  /** The mails that would have gone out (no mail server): who, what, when — never a link in the list. Audited. */
  async mailOutbox(viewer: Viewer, cycleId?: string | null): Promise<OutboxMail[]> {
    this.access.requireHr(viewer);
    if (cycleId) await this.hrCycle(viewer, cycleId);
    const rows = await this.dataSource.query(
      `SELECT d."mail_id" AS "mailId", d."kind", d."cycle_id" AS "cycleId", d."email" AS "to", d."content", d."created_at" AS "createdAt"
       FROM "gateway"."mail_delivery" d WHERE d."organisation_id" = $1 AND d."status" = 'recorded' AND ($2::uuid IS NULL OR d."cycle_id" = $2::uuid)
       ORDER BY d."created_at" DESC, d."mail_id" LIMIT 5000`,
      [viewer.organisationId, cycleId ?? null],
    );
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { organisationId: viewer.organisationId, accountId: viewer.accountId, action: 'mail-outbox.listed', target: cycleId ? `cycle:${cycleId}` : 'organisation', detail: { count: rows.length } }),
    );
    return rows.map((r: { mailId: string; kind: string; cycleId: string; to: string | null; content: MailContent; createdAt: Date }) => ({
      mailId: r.mailId,
      kind: r.kind,
      cycleId: r.cycleId,
      to: r.to,
      recipientName: r.content.recipientName,
      // The subject line has no link; a stand-in token is enough to render it.
      subject: renderMail(r.content, this.options.publicUrl, 'link-not-shown').subject,
      createdAt: r.createdAt,
    }));
  }

  /** One mail of the mail outbox, rendered with its link as the recipient would read it. Audited. */
  async openOutboxMail(viewer: Viewer, mailId: string): Promise<RenderedOutboxMail> {
    this.access.requireHr(viewer);
    const [row] = isUuid(mailId)
      ? await this.dataSource.query(
          `SELECT d."mail_id" AS "mailId", d."email" AS "to", d."content", d."assignment_id" AS "assignmentId", a."token_cipher" AS "tokenCipher"
           FROM "gateway"."mail_delivery" d LEFT JOIN "gateway"."assignment" a ON a."id" = d."assignment_id"
           WHERE d."mail_id" = $1 AND d."organisation_id" = $2 AND d."status" = 'recorded'`,
          [mailId, viewer.organisationId],
        )
      : [];
    if (!row) throw new ForbiddenError('This mail does not exist or you do not have access to it');
    const token = row.tokenCipher ? this.cipher.decrypt(row.tokenCipher) : undefined;
    const mail = renderMail(row.content as MailContent, this.options.publicUrl, token);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { organisationId: viewer.organisationId, accountId: viewer.accountId, action: 'mail-outbox.opened', target: `mail:${row.mailId}`, detail: { assignmentId: row.assignmentId } }),
    );
    return { mailId: row.mailId, to: row.to, ...mail };
  }

  /** The signed-in person's own surveys still to answer, in open cycles. */
  async mySurveys(viewer: Viewer): Promise<SurveyToAnswer[]> {
    if (!viewer.personId) return [];
    const rows = await this.dataSource.query(
      `SELECT a."id" AS "assignmentId", c."id" AS "cycleId", c."name" AS "cycleName", s."name" AS "subjectName", a."rater_group" AS "relationship",
              a."status", c."closes_at" AS "closesAt", a."token_cipher" AS "tokenCipher"
       FROM "gateway"."assignment" a JOIN "gateway"."cycle" c ON c."id" = a."cycle_id" JOIN "gateway"."person" s ON s."id" = a."subject_id"
       WHERE a."rater_person_id" = $1 AND a."organisation_id" = $2 AND a."revoked_at" IS NULL AND a."status" <> 'submitted'
         AND c."status" = 'launched' AND c."closes_at" > now()
       ORDER BY c."closes_at", s."name"`,
      [viewer.personId, viewer.organisationId],
    );
    return rows.map((r: SurveyToAnswer & { tokenCipher?: string }) => {
      const { tokenCipher, ...rest } = r;
      return { ...rest, relationship: r.relationship as RaterGroup, path: dashboardPaths.survey(this.cipher.decrypt(tokenCipher!)) };
    });
  }

  /** HR's one download of the links of raters who have not submitted (for people without e-mail). Audited. */
  async linksCsv(viewer: Viewer, cycleId: string): Promise<string> {
    const cycle = await this.hrCycle(viewer, cycleId);
    if (cycle.status !== 'launched') throw new ConflictError(`Cannot export survey links: the cycle is ${cycle.status}`);
    const rows: { subjectName: string; raterName: string; email: string | null; employeeId: string; group: string; status: string; tokenCipher: string }[] = await this.dataSource.query(
      `SELECT s."name" AS "subjectName", r."name" AS "raterName", r."email", r."employee_id" AS "employeeId", a."rater_group" AS "group", a."status", a."token_cipher" AS "tokenCipher"
       FROM "gateway"."assignment" a JOIN "gateway"."person" s ON s."id" = a."subject_id" JOIN "gateway"."person" r ON r."id" = a."rater_person_id"
       WHERE a."cycle_id" = $1 AND a."revoked_at" IS NULL AND a."status" <> 'submitted' ORDER BY r."name", s."name"`,
      [cycle.id],
    );
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'survey-links.exported', target: `cycle:${cycle.id}`, detail: { count: rows.length } }),
    );
    const lines = [['rater', 'employee_id', 'email', 'subject', 'relationship', 'status', 'link'].join(',')];
    for (const r of rows) {
      const link = publicLink(this.options.publicUrl, dashboardPaths.survey(this.cipher.decrypt(r.tokenCipher)));
      lines.push([r.raterName, r.employeeId, r.email ?? '', r.subjectName, r.group, r.status, link].map(csvCell).join(','));
    }
    return lines.join('\n') + '\n';
  }

  /** HR asks every subject of a draft cycle to choose their peers and partners. Returns how many were asked. */
  async requestNominations(viewer: Viewer, cycleId: string): Promise<number> {
    const cycle = await this.hrCycle(viewer, cycleId);
    if (cycle.status !== 'draft') throw new ConflictError(`Cannot ask for nominations: the cycle is ${cycle.status}`);
    return this.outbox.transact(async ({ manager, emit }) => {
      const subjects: { id: string; name: string; email: string | null }[] = await manager.query(
        `SELECT p."id", p."name", p."email" FROM "gateway"."cycle_subject" cs JOIN "gateway"."person" p ON p."id" = cs."person_id" WHERE cs."cycle_id" = $1`,
        [cycle.id],
      );
      if (subjects.length === 0) throw new InputError([{ field: 'cycleId', message: 'the cycle has no subjects yet' }]);
      const [org] = await manager.query(`SELECT "name" FROM "gateway"."organisation" WHERE "id" = $1`, [cycle.organisationId]);
      for (const s of subjects) {
        emit(nominationRequestedV1, {
          cycleId: cycle.id, cycleName: cycle.name, organisationName: org.name, subjectId: s.id,
          subject: { personId: s.id, name: s.name, email: s.email || null }, requestedAt: new Date().toISOString(),
        }, { organisationId: cycle.organisationId, correlationId: cycle.id });
      }
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'nominations.requested', target: `cycle:${cycle.id}`, detail: { subjects: subjects.length } });
      return subjects.length;
    });
  }

  /** The subject (or HR) asks the subject's manager to approve the chosen raters. */
  async requestApproval(viewer: Viewer, cycleId: string, subjectId: string): Promise<boolean> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!viewer.isHrAdmin && viewer.personId !== subjectId) throw new ForbiddenError('Only the subject or HR can ask for approval');
    if (cycle.status !== 'draft') throw new ConflictError(`Cannot ask for approval: the cycle is ${cycle.status}`);
    if (!isUuid(subjectId) || !(await this.access.isSubject(cycle.id, subjectId))) throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    await this.outbox.transact(async ({ manager, emit }) => {
      const [row] = await manager.query(
        `SELECT s."name" AS "subjectName", m."id" AS "managerId", m."name" AS "managerName", m."email" AS "managerEmail"
         FROM "gateway"."person" s LEFT JOIN "gateway"."person" m ON m."id" = s."manager_id" WHERE s."id" = $1`,
        [subjectId],
      );
      if (!row?.managerId) throw new InputError([{ field: 'subjectId', message: 'this subject has no manager to approve; HR approves instead' }]);
      const [org] = await manager.query(`SELECT "name" FROM "gateway"."organisation" WHERE "id" = $1`, [cycle.organisationId]);
      emit(nominationApprovalRequestedV1, {
        cycleId: cycle.id, cycleName: cycle.name, organisationName: org.name, subjectId, subjectName: row.subjectName,
        manager: { personId: row.managerId, name: row.managerName, email: row.managerEmail || null }, requestedAt: new Date().toISOString(),
      }, { organisationId: cycle.organisationId, correlationId: cycle.id });
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'nominations.approval-requested', target: `cycle:${cycle.id}`, detail: { subjectId } });
    });
    return true;
  }
}
