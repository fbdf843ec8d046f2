import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { CounterfeitSignalsService } from '@app/registry';
import { fieldError } from '@app/shared';

class ResolveSignalDto {
  @ApiProperty({ enum: ['dismissed', 'confirmed'] }) @IsIn(['dismissed', 'confirmed'])
  status: 'dismissed' | 'confirmed';

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000)
  note?: string;
}

const STATUSES = ['open', 'dismissed', 'confirmed'];

/** Codes that look copied or outlived their certificate, for the body that issued them. */
@ApiTags('public registry')
@Controller('api/v1/counterfeit-signals')
export class CounterfeitSignalsController {
  constructor(private readonly signals: CounterfeitSignalsService) {}

  @Get()
  @Auth('cb_admin', 'decision_maker', 'regulator')
  @ApiQuery({ name: 'status', enum: STATUSES, required: false })
  @ApiOperation({ summary: 'Counterfeit signals: a label code verified from many networks, or any code of an ended certificate' })
  list(@CurrentPrincipal() caller: Principal, @Query('status') status?: string) {
    if (status !== undefined && !STATUSES.includes(status)) throw fieldError('VALIDATION_FAILED', 'status', `must be one of ${STATUSES.join(', ')}`);
    return this.signals.list(caller, status);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Auth('cb_admin', 'regulator')
  resolve(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveSignalDto) {
    return this.signals.resolve(caller, id, dto.status, dto.note);
  }
}
