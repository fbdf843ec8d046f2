import { Body, Controller, Get, Ip, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ComplaintLookupDto, ComplaintsService, CreateComplaintDto } from '@app/certification';
import { Public } from '@app/identity';
import { DomainError } from '@app/shared';
import { ComplaintLimiter } from '../rate-limit/misuse-report-limiter';
import { NotRateLimited, RateLimited } from '../rate-limit/public-rate-limit.guard';
import { COMPLAINT_DICTIONARIES } from './complaint-i18n';
import { COMPLAINT_FIELDS, ComplaintField, ComplaintFormState, complaintPage, complaintStatusPage, complaintThanksPage } from './complaint.view';
import { ApiHtmlPage, ApiHtmlPages } from './html-responses';
import { sendPage } from './layout';
import { Page, PageContext } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/** The complaint form for people (JSON: /api/v1/public/complaints), in the language the page is read in. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller()
export class ComplaintPagesController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly limiter: ComplaintLimiter,
  ) {}

  @Get('complaint')
  @Public()
  @NotRateLimited('an empty form rendered from memory')
  @ApiOperation({ summary: 'The complaint form (?certificateNumber= fills it in)' })
  @ApiHtmlPage(200, 'The form')
  form(@Page() ctx: PageContext, @Query('certificateNumber') number: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    const certificateNumber = typeof number === 'string' ? number.slice(0, 64) : '';
    return sendPage(reply, 200, complaintPage(ctx, { values: { about: 'product', certificateNumber }, errors: {} }));
  }

  @Post('complaint')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Sends the complaint form (application/x-www-form-urlencoded); answers with the reference number' })
  @ApiHtmlPage(201, 'The acknowledgement with the reference number', { 400: 'the form again, each refused field marked' })
  async submit(@Page() ctx: PageContext, @Body() body: unknown, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const t = COMPLAINT_DICTIONARIES[ctx.lang];
    const values: ComplaintFormState['values'] = {};
    const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    for (const f of COMPLAINT_FIELDS) if (typeof raw[f] === 'string' && raw[f].trim()) values[f] = raw[f].trim();
    const refuse = (fields: string[]): string => {
      const errors: ComplaintFormState['errors'] = {};
      for (const f of fields) if ((COMPLAINT_FIELDS as readonly string[]).includes(f)) errors[f as ComplaintField] = t.problems[f];
      return sendPage(reply, 400, complaintPage(ctx, { values, errors }));
    };
    const dto = plainToInstance(CreateComplaintDto, { ...values, language: ctx.lang });
    const problems = (await validate(dto)).map((p) => p.property);
    if (!values.email) problems.push('email');
    if (problems.length) return refuse(problems);
    await this.limiter.consume(address);
    try {
      return sendPage(reply, 201, complaintThanksPage(ctx, await this.complaints.create(dto, { kind: 'public' })));
    } catch (e) {
      // A number or code that names nothing: the form again, the field marked.
      if (e instanceof DomainError && e.fields?.length) return refuse(e.fields.map((f) => f.field));
      throw e;
    }
  }

  @Get('complaint/status')
  @Public()
  @NotRateLimited('an empty form rendered from memory')
  @ApiOperation({ summary: "The complainant's look-up form: reference and e-mail" })
  @ApiHtmlPage(200, 'The form')
  statusForm(@Page() ctx: PageContext, @Res({ passthrough: true }) reply: FastifyReply): string {
    return sendPage(reply, 200, complaintStatusPage(ctx, {}));
  }

  @Post('complaint/status')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Where a complaint stands (application/x-www-form-urlencoded: reference, email); counted with the complaints of the address' })
  @ApiHtmlPage(200, 'The status, and the outcome once closed', {
    400: 'the form again: not a reference or an e-mail address',
    404: 'the form again: no complaint has this reference and e-mail',
  })
  async status(@Page() ctx: PageContext, @Body() body: unknown, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const values = {
      reference: typeof raw.reference === 'string' ? raw.reference.trim().toUpperCase() : '',
      email: typeof raw.email === 'string' ? raw.email.trim() : '',
    };
    const dto = plainToInstance(ComplaintLookupDto, values);
    if ((await validate(dto)).length) return sendPage(reply, 400, complaintStatusPage(ctx, values, null));
    await this.limiter.consume(address);
    try {
      return sendPage(reply, 200, complaintStatusPage(ctx, values, await this.complaints.lookup(dto)));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return sendPage(reply, 404, complaintStatusPage(ctx, values, null));
      throw e;
    }
  }
}
