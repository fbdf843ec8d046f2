import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditsService, CorrectiveActionDto, ReopenDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';

const Id = (name = 'id') => Param(name, ParseUUIDPipe);

@ApiTags('audits')
@Controller('api/v1/nonconformities')
export class NonconformitiesController {
  constructor(private readonly audits: AuditsService) {}

  @Post(':id/answer')
  @HttpCode(200)
  @Auth('enterprise_admin', 'enterprise_member')
  @ApiOperation({ summary: 'Answer a nonconformity with the corrective action taken (enterprise)' })
  answer(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: CorrectiveActionDto) {
    return this.audits.answerNonconformity(caller, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Auth('auditor')
  close(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.audits.closeNonconformity(caller, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Send the corrective action back: not enough' })
  reopen(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: ReopenDto) {
    return this.audits.reopenNonconformity(caller, id, dto.reason);
  }
}
