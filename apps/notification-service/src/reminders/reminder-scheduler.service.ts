import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NotificationConfig } from '../config';
import { NOTIFICATION_CONFIG } from '../tokens';
import { AutomaticRemindersUseCase } from './automatic-reminders.use-case';

/** Looks for due automatic reminders every REMINDER_CHECK_MS. */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly reminders: AutomaticRemindersUseCase,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.reminders
        .run()
        .catch((error) => this.logger.warn(`automatic reminders: ${(error as Error).message}`))
        .finally(() => (this.running = null));
    }, this.config.reminderCheckMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
