import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { AgreementQuery, AgreementsService, AgreementView, CreateAgreementDto } from '@app/laboratories';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/** Recognition agreements (互认): recorded by the regulator, read by every signed-in user (an enterprise presents reports under them). */
@ApiTags('recognition agreements')
@ApiErrors(503)
@Controller('api/v1/recognition-agreements')
export class RecognitionAgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Recognition agreements, the newest first (kind, status)' })
  @ApiOkResponse({ type: PageOf(AgreementView) })
  @ApiErrors(400)
  list(@Query() q: AgreementQuery): Promise<Page<AgreementView>> {
    return this.agreements.list(q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A recognition agreement' })
  @ApiOkResponse({ type: AgreementView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<AgreementView> {
    return this.agreements.get(id);
  }

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Record a recognition agreement (regulator): ILAC MRA signatory, Hong Kong / Macao body, another scheme' })
  @ApiCreatedResponse({ type: AgreementView })
  @ApiErrors(400)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateAgreementDto): Promise<AgreementView> {
    return this.agreements.create(caller, dto);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Terminate an agreement (regulator): reports are no longer recognised under it; accepted ones stand' })
  @ApiOkResponse({ type: AgreementView })
  @ApiErrors(400, 404, 409)
  terminate(@UuidParam() id: string): Promise<AgreementView> {
    return this.agreements.terminate(id);
  }
}
