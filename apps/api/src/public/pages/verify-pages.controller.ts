import { Body, Controller, Get, Ip, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CreateMisuseReportDto, formatLabelCode, MisuseReportsService, VerificationResult, VerificationService } from '@app/certification';
import { Public } from '@app/identity';
import { MisuseReportLimiter } from '../rate-limit/misuse-report-limiter';
import { NotRateLimited, RateLimited } from '../rate-limit/public-rate-limit.guard';
import { ApiHtmlPage, ApiHtmlPages } from './html-responses';
import { sendPage } from './layout';
import { Page, PageContext } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { ReportField, ReportFormState, reportPage, thanksPage, verificationPage, verifyFormPage } from './verify.view';

const REPORT_FIELDS: ReportField[] = ['description', 'whereSeen', 'code', 'contact'];

/** Pages for people: verification (where QR codes land) and misuse reports. Server-rendered HTML, no script. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller()
export class VerifyPagesController {
  constructor(
    private readonly verification: VerificationService,
    private readonly reports: MisuseReportsService,
    private readonly limiter: MisuseReportLimiter,
  ) {}

  @Get()
  @Public()
  @NotRateLimited('a redirect answered from memory')
  @ApiOperation({ summary: 'Redirects to the verification page' })
  @ApiResponse({ status: 302, description: 'To /verify (keeping ?lang=)', headers: { Location: { schema: { type: 'string' } } } })
  root(@Page() ctx: PageContext, @Res() reply: FastifyReply): void {
    void reply.redirect(ctx.href('/verify'), 302);
  }

  @Get('v/:token')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Where a scanned QR code lands: the live verification answer as a page (JSON: /api/v1/verify/token/{token})' })
  @ApiHtmlPage(200, 'The verification answer: genuine and its live status, or forged', { 400: 'the token is far too long' })
  async landing(
    @Page() ctx: PageContext,
    @Param('token') token: string,
    @Ip() address: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const result = await this.verification.verifyToken(token, address);
    // The report form names what was scanned: the code a genuine token carries, or the forged token itself.
    const reportCode = result.token === 'genuine' ? reportCodeOf(result, result.query) : token.slice(0, 1100);
    return sendPage(reply, 200, verificationPage(ctx, result, reportCode));
  }

  @Get('verify')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'The verification form; with ?code= the answer for a certificate number or a label code' })
  @ApiHtmlPage(200, 'The form, or the verification answer (a code not found is an answer too)', { 400: 'the form again: code is empty' })
  async verify(
    @Page() ctx: PageContext,
    @Query('code') code: unknown,
    @Ip() address: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (code === undefined) return sendPage(reply, 200, verifyFormPage(ctx));
    const input = typeof code === 'string' ? code.trim().slice(0, 64) : '';
    if (!input) return sendPage(reply, 400, verifyFormPage(ctx, ctx.t.codeRequired));
    const result = await this.verification.verify(input, address);
    return sendPage(reply, 200, verificationPage(ctx, result, reportCodeOf(result, input)));
  }

  @Get('report')
  @Public()
  @NotRateLimited('an empty form rendered from memory')
  @ApiOperation({ summary: 'The misuse-report form on its own' })
  @ApiHtmlPage(200, 'The form, with ?code= filled in')
  reportForm(@Page() ctx: PageContext, @Query('code') code: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    return sendPage(reply, 200, reportPage(ctx, { values: { code: typeof code === 'string' ? code.slice(0, 1100) : '' }, errors: {} }));
  }

  @Post('report')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Sends the misuse-report form (application/x-www-form-urlencoded); answers with the reference number' })
  @ApiHtmlPage(201, 'The thanks page with the reference number', { 400: 'the form again, each refused field marked' })
  async report(@Page() ctx: PageContext, @Body() body: unknown, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const values: ReportFormState['values'] = {};
    const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    for (const f of REPORT_FIELDS) if (typeof raw[f] === 'string' && raw[f].trim()) values[f] = raw[f].trim();
    const dto = plainToInstance(CreateMisuseReportDto, values);
    const problems = await validate(dto);
    if (problems.length) {
      const errors: ReportFormState['errors'] = {};
      for (const p of problems) errors[p.property as ReportField] = ctx.t.fieldProblems[p.property] ?? ctx.t.errorText[400];
      return sendPage(reply, 400, reportPage(ctx, { values, errors }));
    }
    await this.limiter.consume(address);
    const receipt = await this.reports.create(dto, address);
    return sendPage(reply, 201, thanksPage(ctx, receipt));
  }
}

/** What the report form names: the certificate's number as printed, a label code in its groups of four, else what was given. */
function reportCodeOf(result: VerificationResult, given: string): string {
  const number = (result.certificate as { number?: string } | undefined)?.number;
  if (result.kind === 'certificate' && number) return number;
  const bare = given.replace(/[\s-]/g, '').toUpperCase();
  return result.kind === 'label' && /^[0-9A-Z]{13}$/.test(bare) ? formatLabelCode(bare) : given;
}
