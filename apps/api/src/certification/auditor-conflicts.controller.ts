import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditorConflictEntry, AuditorConflictView, AuditsService, DeclareConflictDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, PageQuery } from '@app/shared';

@ApiTags('audits')
@ApiErrors(503)
@Controller('api/v1/auditor-conflicts')
export class AuditorConflictsController {
  constructor(private readonly audits: AuditsService) {}

  @Post()
  @Auth('auditor', 'cb_admin')
  @ApiOperation({ summary: 'Declare a conflict of interest with an enterprise: the auditor is never assigned to it' })
  @ApiCreatedResponse({ type: AuditorConflictView })
  @ApiErrors(400)
  declare(@CurrentPrincipal() caller: Principal, @Body() dto: DeclareConflictDto): Promise<AuditorConflictView> {
    return this.audits.declareConflict(caller, dto);
  }

  @Get()
  @Auth('auditor', 'cb_admin', 'reviewer', 'decision_maker')
  @ApiOperation({ summary: "The conflicts declared by the auditors of the caller's certification body, newest first" })
  @ApiOkResponse({ type: PageOf(AuditorConflictEntry) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: PageQuery): Promise<Page<AuditorConflictEntry>> {
    return this.audits.listConflicts(caller, q);
  }
}
