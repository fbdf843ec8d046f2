import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, isRegulator, Principal } from '@app/identity';
import { JobsService, JobView } from '@app/queue';
import { fieldError } from '@app/shared';

const STATES = ['scheduled', 'pending', 'dispatched', 'completed', 'failed'] as const;

/** Background jobs for the people who answer for them: a cb_admin sees its organization's, the regulator all. */
@ApiTags('operations')
@Controller('api/v1/operations/jobs')
export class OperationsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Auth('cb_admin', 'regulator')
  @ApiQuery({ name: 'state', enum: STATES, required: false })
  @ApiOperation({ summary: 'Background jobs (audit planning, evaluation, certificate issue, expiry, labels) with their errors' })
  list(@CurrentPrincipal() caller: Principal, @Query('state') state?: string): Promise<JobView[]> {
    if (state !== undefined && !STATES.includes(state as JobView['state'])) {
      throw fieldError('VALIDATION_FAILED', 'state', `must be one of ${STATES.join(', ')}`);
    }
    return this.jobs.list(isRegulator(caller) ? null : caller.organizationId, state as JobView['state'] | undefined);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Auth('cb_admin', 'regulator')
  @ApiOperation({ summary: 'Run a failed job again' })
  retry(@CurrentPrincipal() caller: Principal, @Param('id') id: string): Promise<JobView> {
    if (!/^\d{1,18}$/.test(id)) throw fieldError('VALIDATION_FAILED', 'id', 'must be a job number');
    return this.jobs.retry(isRegulator(caller) ? null : caller.organizationId, id);
  }
}
