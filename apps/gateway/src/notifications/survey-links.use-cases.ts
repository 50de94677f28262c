import { dashboardPaths, publicLink } from '@leaderscope/messages';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError } from '../common/errors';
import { SurveyToAnswer } from './dto/notifications.model';
import { hrCycle } from './hr-cycle';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import { NotificationsRepository } from './notifications.repository';

/** A CSV cell, quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The signed-in person's own surveys still to answer, in open cycles ("My surveys to answer"). */
@Injectable()
export class ListMySurveysUseCase {
  constructor(
    private readonly repository: NotificationsRepository,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
  ) {}

  async execute(viewer: Viewer): Promise<SurveyToAnswer[]> {
    if (!viewer.personId) return [];
    const rows = await this.repository.openSurveysOf(viewer.organisationId, viewer.personId);
    return rows.map(({ assignment, cycle, subject }) => ({
      assignmentId: assignment.id,
      cycleId: cycle.id,
      cycleName: cycle.name,
      subjectName: subject.name,
      relationship: assignment.raterGroup,
      status: assignment.status,
      closesAt: cycle.closesAt,
      path: dashboardPaths.survey(this.cipher.decrypt(assignment.tokenCipher)),
    }));
  }
}

/**
 * HR's one download of the links of raters who have not submitted and have no e-mail address;
 * everyone with an address gets their link by mail. Audited.
 */
@Injectable()
export class ExportSurveyLinksUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: NotificationsRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<string> {
    const cycle = await hrCycle(this.access, viewer, cycleId);
    if (cycle.status !== 'launched')
      throw new ConflictError(`Cannot export survey links: the cycle is ${cycle.status}`, {
        reason: 'wrongStatus',
        values: { action: 'export survey links', status: cycle.status },
      });
    const rows = await this.repository.pendingLinks(cycle);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'survey-links.exported',
        target: `cycle:${cycle.id}`,
        detail: { count: rows.length },
      }),
    );
    const lines = [['rater', 'employee_id', 'subject', 'relationship', 'status', 'link'].join(',')];
    for (const { assignment, subject, rater } of rows) {
      const link = publicLink(this.options.publicUrl, dashboardPaths.survey(this.cipher.decrypt(assignment.tokenCipher)));
      lines.push([rater.name, rater.employeeId, subject.name, assignment.raterGroup, assignment.status, link].map(csvCell).join(','));
    }
    return lines.join('\n') + '\n';
  }
}
