import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { MAX_PAGE_SIZE, PageQuery } from '@app/shared';
import { NOTIFICATION_EVENTS, NotificationEvent } from '@app/queue';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only unread messages; false: only read ones' })
  @IsOptional()
  // "true"/"false" only: anything else stays a string and is refused by IsBoolean, naming the field.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** One message of the caller's inbox. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_EVENTS, example: 'certificate_suspended' }) event: NotificationEvent;
  @ApiProperty({ example: '证书已暂停：SZS-2026-000001-7 / Certificate suspended: SZS-2026-000001-7', description: 'zh first, then en' })
  subject: string;
  @ApiProperty({ description: 'the message: the zh text, then the en text, each with the absolute link' }) body: string;
  @ApiProperty({ example: '/console/certificates/5b0e…', description: 'where it points, a path on this site (a console page or a public record)' })
  link: string;
  @ApiProperty({ type: String, nullable: true, example: 'SZS-2026-000001-7', description: 'the certificate or application number it is about' })
  subjectNumber: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty() read: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
}

/** The inbox: newest first, paged, with how many messages are unread over the whole inbox. */
export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ minimum: 1 }) page: number;
  @ApiProperty({ minimum: 1, maximum: MAX_PAGE_SIZE }) pageSize: number;
  @ApiProperty({ description: 'messages matching the filter, over all pages' }) total: number;
  @ApiProperty({ description: 'unread messages in the whole inbox (whatever the filter)' }) unreadCount: number;
}

export class ReadAllView {
  @ApiProperty({ description: 'messages marked read by this call' }) marked: number;
  @ApiProperty({ description: 'unread messages left (0)' }) unreadCount: number;
}
