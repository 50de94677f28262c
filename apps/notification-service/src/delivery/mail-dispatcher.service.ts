import { SurveyTokenSeal } from '@leaderscope/events';
import { needsSurveyToken, renderMail } from '@leaderscope/messages';
import { OutboxService } from '@leaderscope/service-kit';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { NotificationConfig } from '../config';
import { emitDeliveries } from '../mail/delivery-events';
import { ClaimedMail, MailOutcome, MailRepository } from '../mail/mail.repository';
import { MAIL_SENDER, NOTIFICATION_CONFIG } from '../tokens';
import { RateLimiter } from './rate-limiter';
import type { MailSender } from './smtp-sender';

const LEASE_MS = 5 * 60_000;

/**
 * Sends queued mails: leases due ones (several senders share the work, `FOR UPDATE SKIP LOCKED`),
 * opens the survey token in memory, renders, sends within the rate limit, then writes each outcome
 * and its `mail.delivery-updated` event in one transaction. A temporary failure is retried with
 * exponential backoff; a 5xx answer marks the mail failed. Runs only when SMTP_URL is set.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailDispatcher.name);
  private readonly limiter: RateLimiter;
  private readonly seal: SurveyTokenSeal;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private kicked = 0;

  constructor(
    private readonly mails: MailRepository,
    private readonly outbox: OutboxService,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(MAIL_SENDER) private readonly sender: MailSender | null,
  ) {
    this.limiter = new RateLimiter(config.ratePerMinute);
    this.seal = new SurveyTokenSeal(config.secret);
  }

  onApplicationBootstrap(): void {
    if (!this.sender) return;
    this.running = true;
    // Several loops, so SMTP connections stay busy while another loop writes its outcomes.
    const loops = Math.max(1, Math.ceil(this.config.smtpConnections / 2));
    this.loops = Array.from({ length: loops }, () => this.run());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of [...this.wakers]) wake();
    await Promise.all(this.loops);
    this.sender?.close();
  }

  /** Something was queued: look now instead of at the next poll. */
  kick(): void {
    this.kicked = this.loops.length;
    for (const wake of [...this.wakers]) wake();
  }

  private sleep(ms: number): Promise<void> {
    if (this.kicked > 0) {
      this.kicked--;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const allowed = this.limiter.available();
        if (allowed < 1) {
          await this.sleep(this.limiter.waitMs());
          continue;
        }
        // Reserve before claiming (other loops share the limit), give back what was not used.
        const wanted = Math.min(allowed, 100);
        this.limiter.take(wanted);
        let claimed: ClaimedMail[] = [];
        try {
          claimed = await this.mails.claimDue(wanted, LEASE_MS);
        } finally {
          this.limiter.giveBack(wanted - claimed.filter((m) => !this.skipReason(m)).length);
        }
        if (claimed.length === 0) {
          await this.sleep(this.config.pollMs);
          continue;
        }
        const outcomes = await Promise.all(claimed.map((m) => this.deliver(m)));
        await this.outbox.transact(async ({ manager, emit }) => {
          emitDeliveries(emit, await this.mails.finish(manager, outcomes));
        });
      } catch (error) {
        this.logger.warn(`mail sender: ${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(this.config.pollMs);
      }
    }
  }

  private skipReason(mail: ClaimedMail): string | null {
    if (mail.kind === 'reminder' && mail.raterSubmitted) return 'already submitted';
    if (mail.kind === 'reminder' && mail.cycleClosed) return 'the cycle is closed';
    return null;
  }

  private async deliver(mail: ClaimedMail): Promise<MailOutcome> {
    const skip = this.skipReason(mail);
    if (skip) return { id: mail.id, status: 'skipped', reason: skip, nextAttemptAt: null };
    let rendered;
    try {
      let token: string | undefined;
      if (needsSurveyToken(mail.kind)) {
        if (!mail.sealedToken || !mail.assignmentId) throw new Error('no sealed survey token for this rater');
        token = this.seal.open(mail.sealedToken, mail.assignmentId);
      }
      rendered = renderMail(mail.content, this.config.publicUrl, token);
    } catch (error) {
      // Never the token itself in the reason: only what went wrong.
      return { id: mail.id, status: 'failed', reason: `could not prepare the mail: ${(error as Error).message}`, nextAttemptAt: null };
    }
    const result = await this.sender!.send({
      id: mail.id,
      from: this.config.mailFrom,
      to: mail.toAddress!,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    });
    if (result.status === 'sent') return { id: mail.id, status: 'sent', reason: null, nextAttemptAt: null };
    if (result.status === 'deferred' && mail.attempts < this.config.maxAttempts) {
      const delay = Math.min(this.config.retryBaseMs * 2 ** (mail.attempts - 1), this.config.retryMaxMs);
      return { id: mail.id, status: 'deferred', reason: result.reason, nextAttemptAt: new Date(Date.now() + delay) };
    }
    return {
      id: mail.id,
      status: 'failed',
      reason: result.status === 'deferred' ? `gave up after ${mail.attempts} attempts: ${result.reason}` : result.reason,
      nextAttemptAt: null,
    };
  }
}
