import { Module } from '@nestjs/common';
import { HolidaysService } from './holidays.service';
import { Mailer } from './mailer';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsService } from './notifications.service';
import { ReminderSweeper } from './reminder-sweeper';

const services = [NotificationsService, HolidaysService, Mailer];

@Module({ providers: services, exports: services })
export class NotificationsModule {}

/** The notifications context's BullMQ processor and its daily reminder sweep; only the worker app provides them. */
export const NOTIFICATION_PROCESSORS = { notifications: [NotificationsProcessor, ReminderSweeper] };
