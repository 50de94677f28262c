import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  receivedAt: Date;
}

/**
 * What the sink answers: `accept` every mail; `tempfail` with 451 (the sender should retry);
 * `reject` with 550 for the recipients matching `rejectPattern` (all when none is given).
 */
export type SmtpSinkMode = 'accept' | 'tempfail' | 'reject';

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** Mails received for one address. */
  to(address: string): ReceivedMail[];
  setMode(mode: SmtpSinkMode, rejectPattern?: RegExp): void;
  /** Stops listening (connections are refused), keeping what was received. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a free port of 127.0.0.1 that keeps every mail it accepts, parsed. */
export async function startSmtpSink(options: { port?: number; parse?: boolean } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let mode: SmtpSinkMode = 'accept';
  let rejectPattern: RegExp | undefined;
  const parse = options.parse ?? true;

  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      onRcptTo: (address, _session, callback) => {
        if (mode === 'tempfail') return callback(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 }));
        if (mode === 'reject' && (!rejectPattern || rejectPattern.test(address.address))) {
          return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        const finish = async () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          if (!parse) {
            received.push({ from, to, subject: '', text: '', html: '', messageId: '', headers: {}, receivedAt: new Date() });
            return callback();
          }
          try {
            const mail = await simpleParser(raw);
            const headers: Record<string, string> = {};
            for (const [k, v] of mail.headers) headers[k] = typeof v === 'string' ? v : JSON.stringify(v);
            received.push({
              from,
              to,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              headers,
              receivedAt: new Date(),
            });
            callback();
          } catch (error) {
            callback(error as Error);
          }
        };
        stream.on('end', () => void finish());
      },
    });

  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  const port = await listen(options.port ?? 0);
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  let listening = true;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase())),
    setMode(next, pattern) {
      mode = next;
      rejectPattern = pattern;
    },
    async down() {
      if (!listening) return;
      listening = false;
      await close();
    },
    async up() {
      if (listening) return;
      server = make();
      await listen(port);
      listening = true;
    },
    async stop() {
      if (listening) await close();
      listening = false;
    },
  };
}
