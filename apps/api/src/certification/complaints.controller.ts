import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AssignInvestigatorDto,
  CloseComplaintDto,
  ComplaintQuery,
  ComplaintReceipt,
  ComplaintSpecialAuditDto,
  ComplaintsService,
  ComplaintSuspensionDto,
  ComplaintView,
  CreateComplaintDto,
  ResolveComplaintDto,
} from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/** The handling organization's admin: the certificate's body, or the regulator for a complaint about a body. */
const HANDLERS = ['cb_admin', 'regulator'] as const;

/** Complaints as logged-in users file them and their handlers handle them (the public files at public/complaint-submission.controller.ts). */
@ApiTags('complaints')
@ApiErrors(503)
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Auth()
  @ApiOperation({ summary: 'File a complaint as a logged-in user (the outcome comes to your inbox; the e-mail is optional)' })
  @ApiCreatedResponse({ type: ComplaintReceipt })
  @ApiErrors(400)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateComplaintDto): Promise<ComplaintReceipt> {
    return this.complaints.create(dto, { kind: 'user', caller });
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Complaints: those the caller’s organization handles (all for the regulator), and those the caller filed' })
  @ApiOkResponse({ type: PageOf(ComplaintView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: ComplaintQuery): Promise<Page<ComplaintView>> {
    return this.complaints.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A complaint with its timeline (its complainant sees it without; 404 for anyone else)' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ComplaintView> {
    return this.complaints.get(caller, id);
  }

  @Post(':id/investigator')
  @HttpCode(200)
  @Auth(...HANDLERS)
  @ApiOperation({
    summary: 'Assign (or reassign) the investigator: someone of the handling organization not involved in the matter (403 naming the rule otherwise)',
  })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, 404, 409)
  assign(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: AssignInvestigatorDto): Promise<ComplaintView> {
    return this.complaints.assignInvestigator(caller, id, dto);
  }

  @Post(':id/special-audit')
  @HttpCode(200)
  @Auth('cb_admin')
  @ApiOperation({ summary: 'Ask for a special (possibly unannounced) audit of the certificate complained about; the worker plans it' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, 404, 409, 422)
  specialAudit(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ComplaintSpecialAuditDto): Promise<ComplaintView> {
    return this.complaints.requestSpecialAudit(caller, id, dto);
  }

  @Post(':id/suspend-certificate')
  @HttpCode(200)
  @Auth('cb_admin')
  @ApiOperation({ summary: 'Suspend the certificate complained about (its public history shows the reason)' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, 404, 409, 422)
  suspend(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ComplaintSuspensionDto): Promise<ComplaintView> {
    return this.complaints.suspendCertificate(caller, id, dto);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Auth(...HANDLERS)
  @ApiOperation({ summary: 'Record the outcome, findings and actions' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, 404, 409)
  resolve(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ResolveComplaintDto): Promise<ComplaintView> {
    return this.complaints.resolve(caller, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Auth(...HANDLERS)
  @ApiOperation({ summary: 'Close a resolved complaint: the complainant is told the outcome' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, 404, 409)
  close(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: CloseComplaintDto): Promise<ComplaintView> {
    return this.complaints.close(caller, id, dto);
  }
}
