import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { LabelBatchDto, LabelBatchView, MarkGrantDecisionDto, MarkGrantQuery, MarkGrantRequestDto, MarkGrantsService, MarkGrantView } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

const ENTERPRISE = ['enterprise_admin', 'enterprise_member'] as const;

@ApiTags('mark grants')
@ApiErrors(503)
@Controller('api/v1')
export class MarkGrantsController {
  constructor(private readonly grants: MarkGrantsService) {}

  @Post('certificates/:id/mark-grants')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: "Ask to use the mark on models of a valid certificate's scope, on given media (enterprise)" })
  @ApiCreatedResponse({ type: MarkGrantView })
  @ApiErrors(400, 404, 409)
  request(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: MarkGrantRequestDto): Promise<MarkGrantView> {
    return this.grants.request(caller, id, dto);
  }

  @Get('mark-grants')
  @Auth()
  @ApiOperation({ summary: "Mark grants: the holder's, the deciding body's, all for the regulator; newest first" })
  @ApiOkResponse({ type: PageOf(MarkGrantView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: MarkGrantQuery): Promise<Page<MarkGrantView>> {
    return this.grants.list(caller, q);
  }

  @Get('mark-grants/:id')
  @Auth()
  @ApiOperation({ summary: 'A mark grant with its certificate' })
  @ApiOkResponse({ type: MarkGrantView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<MarkGrantView> {
    return this.grants.get(caller, id);
  }

  @Post('mark-grants/:id/grant')
  @HttpCode(200)
  @Auth('cb_admin', 'decision_maker')
  @ApiOperation({ summary: 'Grant a requested mark use (the certification body; the certificate must be valid)' })
  @ApiOkResponse({ type: MarkGrantView })
  @ApiErrors(400, 404, 409)
  grant(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: MarkGrantDecisionDto): Promise<MarkGrantView> {
    return this.grants.decide(caller, id, 'grant', dto.reason);
  }

  @Post('mark-grants/:id/refuse')
  @HttpCode(200)
  @Auth('cb_admin', 'decision_maker')
  @ApiOperation({ summary: 'Refuse a requested mark use (the certification body)' })
  @ApiOkResponse({ type: MarkGrantView })
  @ApiErrors(400, 404, 409)
  refuse(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: MarkGrantDecisionDto): Promise<MarkGrantView> {
    return this.grants.decide(caller, id, 'refuse', dto.reason);
  }

  @Post('mark-grants/:id/label-batches')
  @HttpCode(202)
  @Auth('enterprise_admin')
  @ApiOperation({
    summary: "Order N label codes for printed marks (the enterprise's administrator); the worker generates them (poll the batch until ready)",
    description:
      'Quotas: LABEL_CODES_PER_GRANT in all (422 past it), LABEL_CODES_PER_DAY per enterprise and LABEL_BATCHES_IN_PROGRESS (429 with Retry-After); the refusal names the quota, its limit and what is used.',
  })
  @ApiAcceptedResponse({ type: LabelBatchView, description: 'the batch, requested: its codes are being generated' })
  @ApiErrors(400, 404, 409, 422, 429)
  order(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: LabelBatchDto): Promise<LabelBatchView> {
    return this.grants.orderLabels(caller, id, dto);
  }

  @Get('label-batches/:id')
  @Auth()
  @ApiOperation({ summary: 'A label batch: how many codes are generated, and whether it is ready to download' })
  @ApiOkResponse({ type: LabelBatchView })
  @ApiErrors(400, 404)
  batch(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<LabelBatchView> {
    return this.grants.batch(caller, id);
  }

  @Get('label-batches/:id/codes.csv')
  @Auth(...ENTERPRISE, 'cb_admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The batch as CSV (serial, code, QR URL with the signed token), streamed page by page' })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'an attachment: the header serial,code,qr_url, then one line per code' })
  @ApiErrors(400, 404, 409)
  async csv(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const rows = await this.grants.labelCodesCsv(caller, id);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="labels-${id}.csv"`)
      .send(Readable.from(rows));
  }
}
