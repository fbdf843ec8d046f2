import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditsService, DeclareConflictDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';

@ApiTags('audits')
@Controller('api/v1/auditor-conflicts')
export class AuditorConflictsController {
  constructor(private readonly audits: AuditsService) {}

  @Post()
  @Auth('auditor', 'cb_admin')
  @ApiOperation({ summary: 'Declare a conflict of interest with an enterprise: the auditor is never assigned to it' })
  declare(@CurrentPrincipal() caller: Principal, @Body() dto: DeclareConflictDto) {
    return this.audits.declareConflict(caller, dto);
  }

  @Get()
  @Auth('auditor', 'cb_admin', 'reviewer', 'decision_maker')
  list(@CurrentPrincipal() caller: Principal) {
    return this.audits.listConflicts(caller);
  }
}
