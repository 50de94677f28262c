import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type SendResult = { status: 'sent' } | { status: 'deferred' | 'failed'; reason: string };

/** Sends one mail; never throws: the outcome says whether to retry. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/**
 * What an SMTP failure means: a 5xx answer is final (failed); a 4xx answer, a refused or lost
 * connection, a timeout or anything else is temporary (deferred, retried later).
 */
export function classifySmtpError(error: unknown): { status: 'deferred' | 'failed'; reason: string } {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = (e.response ?? [e.code, e.message].filter(Boolean).join(': ')) || String(error);
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (code !== undefined && code >= 500 && code < 600) return { status: 'failed', reason: reason.slice(0, 1000) };
  return { status: 'deferred', reason: reason.slice(0, 1000) };
}

/** SMTP through nodemailer's pooled transport: smtp://host:port or smtps://user:pass@host:port. */
export class SmtpSender implements MailSender {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, connections: number) {
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: connections,
      maxMessages: 1000,
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 25,
      secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    try {
      await this.transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The same id on every attempt: a receiver can tell a retry after a lost answer from a new mail.
        messageId: `<${mail.id}@leaderscope.mail>`,
        headers: { 'X-Leaderscope-Mail-Id': mail.id },
      });
      return { status: 'sent' };
    } catch (error) {
      return classifySmtpError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}
