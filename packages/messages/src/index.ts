import en from './en.json';

/** The English catalogue: every sentence the dashboard and the mails show, by key. */
export const catalogue: Record<string, string> = en;
export type MessageKey = keyof typeof en;

/** One message with its `{placeholders}` filled in. An unknown key or a missing value is an error, not a blank. */
export function message(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogue[key];
  if (text === undefined) throw new Error(`no message "${key}" in the catalogue`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`message "${key}" needs {${name}}`);
    return String(params[name]);
  });
}

export type Relationship = 'self' | 'manager' | 'peer' | 'direct_report' | 'skip_level' | 'other';

/** What the rater is promised about their answers, by relationship (the survey page and the invitation say the same). */
export function anonymityPromise(relationship: Relationship, subjectName: string, threshold: number): string {
  if (relationship === 'self') return message('anonymity.self');
  if (relationship === 'manager') return message('anonymity.manager', { subjectName });
  return message('anonymity.group', { threshold });
}

/** The dashboard's routes a mail links to (apps/dashboard/src/app/router.tsx). */
export const dashboardPaths = {
  survey: (token: string) => `/survey/${encodeURIComponent(token)}`,
  myReports: () => '/my-reports',
  team: () => '/team',
  report: (cycleId: string, subjectId: string) => `/cycles/${encodeURIComponent(cycleId)}/reports/${encodeURIComponent(subjectId)}`,
  /** The development plan, on the leader's report page. */
  plan: (cycleId: string, subjectId: string) =>
    `/cycles/${encodeURIComponent(cycleId)}/reports/${encodeURIComponent(subjectId)}#development-plan`,
  /** The follow-up pulse's progress and result, on the report page of the cycle it follows up. */
  pulse: (cycleId: string, subjectId: string) =>
    `/cycles/${encodeURIComponent(cycleId)}/reports/${encodeURIComponent(subjectId)}#follow-up-pulse`,
};

/** Joins the public base URL (PUBLIC_URL) and a dashboard path. */
export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

interface Common {
  recipientName: string;
  organisationName: string;
  cycleId: string;
  cycleName: string;
}

/** What a mail says, without its secret: the survey link of an invitation or reminder is added only when it is rendered. */
export type MailContent =
  | (Common & {
      kind: 'invitation' | 'reminder';
      requestedBy: string;
      subjectId: string;
      subjectName: string;
      relationship: Relationship;
      anonymityThreshold: number;
      closesAt: string;
    })
  | (Common & { kind: 'nomination-request'; subjectId: string })
  | (Common & { kind: 'approval-request'; subjectId: string; subjectName: string })
  | (Common & {
      kind: 'report-ready';
      subjectId: string;
      subjectName: string;
      recipientIsSubject: boolean;
      /** A coached cycle: the coach whose debrief shared the report (the mail says so). */
      afterDebriefWith?: string;
    })
  /** To the coach of a leader in a coached cycle: the released report awaits their debrief. */
  | (Common & { kind: 'debrief-requested'; subjectId: string; subjectName: string })
  /** To the manager: the leader shared (version 1) or updated their development plan. Never the plan's content. */
  | (Common & { kind: 'plan-shared'; subjectId: string; subjectName: string; version: number })
  /**
   * To the leader and their manager: a follow-up pulse on the leader's development plan went out
   * (`cycleId`/`cycleName` are the released cycle it follows up). Never the plan's content.
   */
  | (Common & {
      kind: 'pulse-launched';
      subjectId: string;
      subjectName: string;
      recipientIsSubject: boolean;
      raterCount: number;
      focusAreaCount: number;
      closesAt: string;
    });

export type MailKind = MailContent['kind'];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The link the mail's button leads to. */
  link: string;
}

/** Whether a kind of mail carries a rater's secret survey link. */
export function needsSurveyToken(kind: MailKind): boolean {
  return kind === 'invitation' || kind === 'reminder';
}

export function formatClosingDate(iso: string): string {
  const date = new Date(iso);
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Renders a mail (subject, plain text and HTML readable on a phone: one column, large button, the
 * address written out below it). `surveyToken` is needed for invitations and reminders, and lives
 * only in the caller's memory.
 */
export function renderMail(content: MailContent, publicUrl: string, surveyToken?: string): RenderedMail {
  const greeting = message('mail.greeting', { recipientName: content.recipientName });
  const footer = message('mail.footer', { organisationName: content.organisationName });
  let subject: string;
  let paragraphs: string[];
  let action: string;
  let link: string;
  switch (content.kind) {
    case 'invitation':
    case 'reminder': {
      if (!surveyToken) throw new Error(`a ${content.kind} needs the rater's survey token`);
      link = publicLink(publicUrl, dashboardPaths.survey(surveyToken));
      const self = content.relationship === 'self';
      const p = {
        requestedBy: content.requestedBy,
        organisationName: content.organisationName,
        subjectName: content.subjectName,
        cycleName: content.cycleName,
        relationship: message(`relationship.${content.relationship}` as MessageKey),
      };
      const promise = anonymityPromise(content.relationship, content.subjectName, content.anonymityThreshold);
      const closes = message('mail.closes', { closesAt: formatClosingDate(content.closesAt) });
      if (content.kind === 'invitation') {
        subject = message(self ? 'mail.invitation.selfSubject' : 'mail.invitation.subject', p);
        paragraphs = [
          message(self ? 'mail.invitation.selfIntro' : 'mail.invitation.intro', p),
          promise,
          message('mail.invitation.time'),
          closes,
        ];
        action = message('mail.invitation.action');
      } else {
        subject = message(self ? 'mail.reminder.selfSubject' : 'mail.reminder.subject', p);
        paragraphs = [message(self ? 'mail.reminder.selfIntro' : 'mail.reminder.intro', p), promise, closes];
        action = message('mail.reminder.action');
      }
      paragraphs.push(message('mail.invitation.private'));
      break;
    }
    case 'nomination-request':
      link = publicLink(publicUrl, dashboardPaths.myReports());
      subject = message('mail.nominationRequest.subject');
      paragraphs = [message('mail.nominationRequest.intro', { cycleName: content.cycleName })];
      action = message('mail.nominationRequest.action');
      break;
    case 'approval-request':
      link = publicLink(publicUrl, dashboardPaths.team());
      subject = message('mail.approvalRequest.subject', { subjectName: content.subjectName });
      paragraphs = [message('mail.approvalRequest.intro', { subjectName: content.subjectName, cycleName: content.cycleName })];
      action = message('mail.approvalRequest.action');
      break;
    case 'report-ready':
      link = publicLink(publicUrl, dashboardPaths.report(content.cycleId, content.subjectId));
      subject = content.recipientIsSubject
        ? message('mail.reportReady.selfSubject')
        : message('mail.reportReady.subject', { subjectName: content.subjectName });
      if (content.afterDebriefWith) {
        const p = { cycleName: content.cycleName, subjectName: content.subjectName, coachName: content.afterDebriefWith };
        paragraphs = [
          message(content.recipientIsSubject ? 'mail.reportReady.afterDebriefSelfIntro' : 'mail.reportReady.afterDebriefIntro', p),
        ];
      } else {
        paragraphs = [
          content.recipientIsSubject
            ? message('mail.reportReady.selfIntro', { cycleName: content.cycleName })
            : message('mail.reportReady.intro', { cycleName: content.cycleName, subjectName: content.subjectName }),
        ];
      }
      action = message('mail.reportReady.action');
      break;
    case 'debrief-requested':
      link = publicLink(publicUrl, dashboardPaths.report(content.cycleId, content.subjectId));
      subject = message('mail.debriefRequested.subject', { subjectName: content.subjectName });
      paragraphs = [message('mail.debriefRequested.intro', { cycleName: content.cycleName, subjectName: content.subjectName })];
      action = message('mail.debriefRequested.action');
      break;
    case 'plan-shared': {
      link = publicLink(publicUrl, dashboardPaths.plan(content.cycleId, content.subjectId));
      const first = content.version === 1;
      const p = { subjectName: content.subjectName, cycleName: content.cycleName, version: content.version };
      subject = message(first ? 'mail.planShared.subject' : 'mail.planUpdated.subject', p);
      paragraphs = [message(first ? 'mail.planShared.intro' : 'mail.planUpdated.intro', p)];
      action = message('mail.plan.action');
      break;
    }
    case 'pulse-launched': {
      link = publicLink(publicUrl, dashboardPaths.pulse(content.cycleId, content.subjectId));
      const p = {
        subjectName: content.subjectName,
        cycleName: content.cycleName,
        raterCount: content.raterCount,
        focusAreaCount: content.focusAreaCount,
        closesAt: formatClosingDate(content.closesAt),
      };
      subject = message(content.recipientIsSubject ? 'mail.pulseLaunched.selfSubject' : 'mail.pulseLaunched.subject', p);
      paragraphs = [message(content.recipientIsSubject ? 'mail.pulseLaunched.selfIntro' : 'mail.pulseLaunched.intro', p)];
      action = message('mail.pulseLaunched.action');
      break;
    }
  }
  const text = [greeting, '', ...paragraphs.flatMap((p) => [p, '']), `${action}: ${link}`, '', '--', footer, ''].join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2329;">
<div style="background:#ffffff;border-radius:8px;padding:24px;">
<p style="margin:0 0 16px;">${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p style="margin:0 0 16px;">${escapeHtml(p)}</p>`).join('\n')}
<p style="margin:24px 0;text-align:center;"><a href="${escapeHtml(link)}" style="display:inline-block;padding:14px 24px;background:#1c5fb8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${escapeHtml(action)}</a></p>
<p style="margin:0 0 4px;font-size:14px;color:#555b66;">${escapeHtml(message('mail.linkFallback'))}</p>
<p style="margin:0;font-size:14px;word-break:break-all;"><a href="${escapeHtml(link)}" style="color:#1c5fb8;">${escapeHtml(link)}</a></p>
</div>
<p style="margin:16px 0 0;font-size:13px;color:#6b7280;">${escapeHtml(footer)}</p>
</div></body></html>
`;
  return { subject, text, html, link };
}
export * from './report';
