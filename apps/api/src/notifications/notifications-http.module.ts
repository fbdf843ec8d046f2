import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { HolidaysController } from './holidays.controller';
import { NotificationsController } from './notifications.controller';

/** The inbox of notifications and the working-day calendar. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController, HolidaysController],
})
export class NotificationsHttpModule {}
