import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Auth, CurrentPrincipal, isRegulator, Principal } from '@app/identity';
import { JOB_STATES, JobState, JobsService, JobView } from '@app/queue';
import { ApiErrors, fieldError, Page, PageOf, PageQuery } from '@app/shared';

class JobQuery extends PageQuery {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;
}

/** Background jobs for the people who answer for them: a cb_admin sees its organization's, the regulator all. */
@ApiTags('operations')
@ApiErrors(503)
@Controller('api/v1/operations/jobs')
export class OperationsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Auth('cb_admin', 'regulator')
  @ApiOperation({ summary: 'Background jobs (audit planning, evaluation, certificate issue, expiry, labels) with their errors; newest first' })
  @ApiOkResponse({ type: PageOf(JobView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: JobQuery): Promise<Page<JobView>> {
    return this.jobs.list(isRegulator(caller) ? null : caller.organizationId, q, q.state);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Auth('cb_admin', 'regulator')
  @ApiOperation({ summary: 'Run a failed job again' })
  @ApiOkResponse({ type: JobView })
  @ApiErrors(400, 404, 409)
  retry(@CurrentPrincipal() caller: Principal, @Param('id') id: string): Promise<JobView> {
    if (!/^\d{1,18}$/.test(id)) throw fieldError('VALIDATION_FAILED', 'id', 'must be a job number');
    return this.jobs.retry(isRegulator(caller) ? null : caller.organizationId, id);
  }
}
