import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal, Public } from '@app/identity';
import { CreditRecordService, CreditRecordView, PublicCreditView } from '@app/credit';
import { ApiErrors, UuidParam } from '@app/shared';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';

@ApiTags('credit')
@ApiErrors(503)
@Controller('api/v1')
export class CreditRecordsController {
  constructor(private readonly records: CreditRecordService) {}

  @Get('credit-records/:enterpriseId')
  @Auth()
  @ApiOperation({
    summary:
      "An enterprise's credit record: listings, applications, credit actions, withdrawn certificates, confirmed misuse (the regulator; the enterprise itself)",
  })
  @ApiOkResponse({ type: CreditRecordView })
  @ApiErrors(400, 404)
  record(@CurrentPrincipal() caller: Principal, @UuidParam('enterpriseId') enterpriseId: string): Promise<CreditRecordView> {
    return this.records.record(caller, enterpriseId);
  }

  @Get('public/credit/:creditCode')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: "An enterprise's public credit page by its credit code: listings in force (displayed ones) and its certificates" })
  @ApiOkResponse({ type: PublicCreditView })
  @ApiErrors(400, 404)
  publicPage(@Param('creditCode') creditCode: string): Promise<PublicCreditView> {
    return this.records.publicPage(creditCode);
  }
}
