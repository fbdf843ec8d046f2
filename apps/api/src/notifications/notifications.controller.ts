import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PersonAuth, Principal } from '@app/identity';
import { NotificationPage, NotificationQuery, NotificationsService, NotificationView, ReadAllView } from '@app/notifications';
import { ApiErrors, UuidParam } from '@app/shared';

/**
 * The caller's own inbox. People only: an API key has no inbox (403 PERSON_REQUIRED), because
 * messages are addressed to users; an integrator follows changes through webhooks instead.
 */
@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @PersonAuth()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count (filter: unread=true|false)' })
  @ApiOkResponse({ type: NotificationPage })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: NotificationQuery): Promise<NotificationPage> {
    return this.notifications.list(caller, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @PersonAuth()
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllView })
  readAll(@CurrentPrincipal() caller: Principal): Promise<ReadAllView> {
    return this.notifications.readAll(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @PersonAuth()
  @ApiOperation({ summary: 'Mark one of my notifications read (another person’s is 404)' })
  @ApiOkResponse({ type: NotificationView })
  @ApiErrors(400, 404)
  read(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<NotificationView> {
    return this.notifications.mark(caller, id, true);
  }

  @Post(':id/unread')
  @HttpCode(200)
  @PersonAuth()
  @ApiOperation({ summary: 'Mark one of my notifications unread again' })
  @ApiOkResponse({ type: NotificationView })
  @ApiErrors(400, 404)
  unread(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<NotificationView> {
    return this.notifications.mark(caller, id, false);
  }
}
