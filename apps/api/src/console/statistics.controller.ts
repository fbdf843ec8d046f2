import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardView, StatisticsService } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors } from '@app/shared';

@ApiTags('console')
@ApiErrors(503)
@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('dashboard')
  @Auth('regulator', 'cb_admin', 'decision_maker', 'reviewer', 'auditor')
  @ApiOperation({
    summary:
      'Dashboard figures: certificates by category and status, issued per month (12 months), verifications and counterfeit signals per day (30 days), ' +
      'signals by status; Shenzhen calendar. The regulator sees the whole scheme, a certification body its own certificates, codes and signals.',
  })
  @ApiOkResponse({ type: DashboardView })
  dashboard(@CurrentPrincipal() caller: Principal): Promise<DashboardView> {
    return this.statistics.dashboard(caller);
  }
}
