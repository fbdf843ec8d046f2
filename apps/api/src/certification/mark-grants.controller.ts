import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { LabelBatchDto, MarkGrantDecisionDto, MarkGrantRequestDto, MarkGrantsService } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';

const Id = (name = 'id') => Param(name, ParseUUIDPipe);
const ENTERPRISE = ['enterprise_admin', 'enterprise_member'] as const;

@ApiTags('mark grants')
@Controller('api/v1')
export class MarkGrantsController {
  constructor(private readonly grants: MarkGrantsService) {}

  @Post('certificates/:id/mark-grants')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: "Ask to use the mark on models of a valid certificate's scope, on given media (enterprise)" })
  request(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: MarkGrantRequestDto) {
    return this.grants.request(caller, id, dto);
  }

  @Get('mark-grants')
  @Auth()
  @ApiQuery({ name: 'certificateId', required: false })
  list(@CurrentPrincipal() caller: Principal, @Query('certificateId', new ParseUUIDPipe({ optional: true })) certificateId?: string) {
    return this.grants.list(caller, certificateId);
  }

  @Get('mark-grants/:id')
  @Auth()
  get(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.grants.get(caller, id);
  }

  @Post('mark-grants/:id/grant')
  @HttpCode(200)
  @Auth('cb_admin', 'decision_maker')
  grant(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: MarkGrantDecisionDto) {
    return this.grants.decide(caller, id, 'grant', dto.reason);
  }

  @Post('mark-grants/:id/refuse')
  @HttpCode(200)
  @Auth('cb_admin', 'decision_maker')
  refuse(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: MarkGrantDecisionDto) {
    return this.grants.decide(caller, id, 'refuse', dto.reason);
  }

  @Post('mark-grants/:id/label-batches')
  @HttpCode(202)
  @Auth('enterprise_admin')
  @ApiOperation({
    summary: "Order N label codes for printed marks (the enterprise's administrator); the worker generates them (poll the batch until ready)",
    description: 'Quotas: LABEL_CODES_PER_GRANT in all (422 past it), LABEL_CODES_PER_DAY per enterprise and LABEL_BATCHES_IN_PROGRESS (429 with Retry-After); the refusal names the quota, its limit and what is used.',
  })
  order(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: LabelBatchDto) {
    return this.grants.orderLabels(caller, id, dto);
  }

  @Get('label-batches/:id')
  @Auth()
  batch(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.grants.batch(caller, id);
  }

  @Get('label-batches/:id/codes.csv')
  @Auth(...ENTERPRISE, 'cb_admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The batch as CSV (serial, code, QR URL with the signed token), streamed page by page' })
  async csv(@CurrentPrincipal() caller: Principal, @Id() id: string, @Res() reply: FastifyReply) {
    const rows = await this.grants.labelCodesCsv(caller, id);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="labels-${id}.csv"`)
      .send(Readable.from(rows));
  }
}
