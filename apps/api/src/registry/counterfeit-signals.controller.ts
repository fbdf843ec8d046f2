import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { COUNTERFEIT_SIGNAL_STATUSES, CounterfeitSignalStatus, CounterfeitSignalsService, CounterfeitSignalView } from '@app/registry';
import { ApiErrors, Page, PageOf, PageQuery, UuidParam } from '@app/shared';

class ResolveSignalDto {
  @ApiProperty({ enum: ['dismissed', 'confirmed'] })
  @IsIn(['dismissed', 'confirmed'])
  status: 'dismissed' | 'confirmed';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  note?: string;
}

class CounterfeitSignalQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COUNTERFEIT_SIGNAL_STATUSES })
  @IsOptional()
  @IsIn(COUNTERFEIT_SIGNAL_STATUSES)
  status?: CounterfeitSignalStatus;
}

/** Codes that look copied or outlived their certificate, for the body that issued them. */
@ApiTags('public registry')
@ApiErrors(503)
@Controller('api/v1/counterfeit-signals')
export class CounterfeitSignalsController {
  constructor(private readonly signals: CounterfeitSignalsService) {}

  @Get()
  @Auth('cb_admin', 'decision_maker', 'regulator')
  @ApiOperation({ summary: 'Counterfeit signals: a label code verified from many networks, or any code of an ended certificate; newest first' })
  @ApiOkResponse({ type: PageOf(CounterfeitSignalView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: CounterfeitSignalQuery): Promise<Page<CounterfeitSignalView>> {
    return this.signals.list(caller, q, q.status);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Auth('cb_admin', 'regulator')
  @ApiOperation({ summary: 'Confirm or dismiss an open signal, with a note' })
  @ApiOkResponse({ type: CounterfeitSignalView })
  @ApiErrors(400, 404, 409)
  resolve(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ResolveSignalDto): Promise<CounterfeitSignalView> {
    return this.signals.resolve(caller, id, dto.status, dto.note);
  }
}
