import { Module } from '@nestjs/common';
import { MailDispatcher } from '../delivery/mail-dispatcher.service';
import { AutomaticRemindersUseCase } from '../reminders/automatic-reminders.use-case';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { MailRepository } from './mail.repository';
import { NoticesConsumer } from './notices.consumer';
import { QueueMailsUseCase } from './queue-mails.use-case';
import { RaterFactsConsumer } from './rater-facts.consumer';
import { RaterFactsUseCase } from './rater-facts.use-case';

@Module({
  providers: [
    MailRepository,
    QueueMailsUseCase,
    RaterFactsUseCase,
    NoticesConsumer,
    RaterFactsConsumer,
    MailDispatcher,
    AutomaticRemindersUseCase,
    ReminderScheduler,
  ],
  exports: [AutomaticRemindersUseCase, MailDispatcher],
})
export class MailModule {}
