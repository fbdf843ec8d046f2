import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorklistService, WorklistView } from '@app/certification';
import { CurrentPrincipal, PersonAuth, Principal } from '@app/identity';
import { ApiErrors } from '@app/shared';

@ApiTags('console')
@ApiErrors(503)
@Controller('api/v1/worklist')
export class WorklistController {
  constructor(private readonly worklist: WorklistService) {}

  @Get()
  // A person's home page: some sections are the caller's own work (my audits, my reviews), which an API key does not have.
  @PersonAuth()
  @ApiOperation({
    summary:
      "What waits for the caller's organization (and, for audits and reviews, for the caller): per section a count and the first few items. " +
      'Enterprise: information requested, open nonconformities, certificates expiring within 90 days, mark grants requested, label batches being generated. ' +
      "Certification body, by role: submitted and in-review applications, the auditor's planned and running audits, decisions due, answered nonconformities, " +
      'mark grants to decide, open misuse reports and counterfeit signals, failed jobs. ' +
      'Regulator: open misuse reports, draft catalogue batches, authorizations expiring within 60 days, the abnormal-operations list.',
  })
  @ApiOkResponse({ type: WorklistView })
  get(@CurrentPrincipal() caller: Principal): Promise<WorklistView> {
    return this.worklist.worklist(caller);
  }
}
