import type { Multipart } from '@fastify/multipart';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import {
  AddScopeLinesDto,
  CreateLaboratoryDto,
  LABORATORY_CSV_MAX_BYTES,
  LaboratoriesService,
  LaboratoryImportBody,
  LaboratoryImportView,
  LaboratoryQuery,
  LaboratorySummary,
  LaboratoryView,
  ReinstateLaboratoryDto,
  SuspendLaboratoryDto,
  UpdateLaboratoryDto,
} from '@app/laboratories';
import { ApiErrors, DomainError, fieldError, Page, PageOf, UuidParam } from '@app/shared';
import { multipartRefusal } from '../certification/evidence-files.controller';

const tooLarge = (): DomainError =>
  new DomainError('PAYLOAD_TOO_LARGE', `file: is over the limit of ${LABORATORY_CSV_MAX_BYTES} bytes`, { maxBytes: LABORATORY_CSV_MAX_BYTES }, [
    { field: 'file', reasons: [`is over the limit of ${LABORATORY_CSV_MAX_BYTES} bytes`] },
  ]);

/** The laboratory register: the regulator keeps it (by hand or by CSV import), every signed-in user reads it. */
@ApiTags('laboratories')
@ApiErrors(503)
@Controller('api/v1/laboratories')
export class LaboratoriesController {
  constructor(private readonly laboratories: LaboratoriesService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The laboratory register, by name (q: part of a CNAS number, name or scope parameter; status)' })
  @ApiOkResponse({ type: PageOf(LaboratorySummary) })
  @ApiErrors(400)
  list(@Query() q: LaboratoryQuery): Promise<Page<LaboratorySummary>> {
    return this.laboratories.list(q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A laboratory with its scope lines' })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<LaboratoryView> {
    return this.laboratories.get(id);
  }

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a laboratory to the register (regulator); its CNAS number is stored as L and 4 digits' })
  @ApiCreatedResponse({ type: LaboratoryView })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateLaboratoryDto): Promise<LaboratoryView> {
    return this.laboratories.create(dto);
  }

  @Patch(':id')
  @Auth('regulator')
  @ApiOperation({ summary: "Change a laboratory's names, address or accreditation dates (regulator; not a withdrawn one)" })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404, 409)
  update(@UuidParam() id: string, @Body() dto: UpdateLaboratoryDto): Promise<LaboratoryView> {
    return this.laboratories.update(id, dto);
  }

  @Post(':id/scope-lines')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Add scope lines to a laboratory (regulator; not a withdrawn one)' })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404, 409)
  addScopeLines(@UuidParam() id: string, @Body() dto: AddScopeLinesDto): Promise<LaboratoryView> {
    return this.laboratories.addScopeLines(id, dto.scopeLines);
  }

  @Delete(':id/scope-lines/:lineId')
  @Auth('regulator')
  @ApiOperation({ summary: 'Remove one scope line of a laboratory (regulator; not a withdrawn one)' })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404, 409)
  removeScopeLine(@UuidParam() id: string, @UuidParam('lineId') lineId: string): Promise<LaboratoryView> {
    return this.laboratories.removeScopeLine(id, lineId);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({
    summary: 'Record that CNAS suspended the accreditation from a day, and why (regulator): its reports dated from that day no longer back a finding',
    description: '`from` is not after today (Shenzhen) nor before the end of an earlier suspension: 400 naming it. Reports dated before it still stand.',
  })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404, 409)
  suspend(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: SuspendLaboratoryDto): Promise<LaboratoryView> {
    return this.laboratories.suspend(caller, id, dto);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({
    summary: 'Record that CNAS reinstated a suspended accreditation from a day (regulator): the suspension period ends the day before',
    description: "`from`, the first day accredited again, is after the suspension's first day and not after today (Shenzhen): 400 naming it.",
  })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404, 409)
  reinstate(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ReinstateLaboratoryDto): Promise<LaboratoryView> {
    return this.laboratories.reinstate(caller, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Record that CNAS withdrew the accreditation, for good (regulator)' })
  @ApiOkResponse({ type: LaboratoryView })
  @ApiErrors(400, 404, 409)
  withdraw(@UuidParam() id: string): Promise<LaboratoryView> {
    return this.laboratories.withdraw(id);
  }

  @Post('import')
  @Auth('regulator')
  @ApiOperation({
    summary: 'Import laboratories and their scope lines from a CSV file (regulator): all or nothing',
    description:
      'multipart/form-data with one part, `file`. The whole file is validated first: any error and nothing is written, the 400 ' +
      'listing every error by line and column (details.errors). A laboratory already in the register (by CNAS number) is updated ' +
      'and its scope lines replaced by the file’s; a new one is added. Cells are stored as text: one that looks like a formula is never evaluated.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: LaboratoryImportBody })
  @ApiCreatedResponse({ type: LaboratoryImportView })
  @ApiErrors(400, 413, 415)
  async import(@CurrentPrincipal() caller: Principal, @Req() request: FastifyRequest): Promise<LaboratoryImportView> {
    if (Number(request.headers['content-length']) > LABORATORY_CSV_MAX_BYTES + 16 * 1024) throw tooLarge();
    if (!request.isMultipart()) throw fieldError('VALIDATION_FAILED', 'file', 'send the file as multipart/form-data, in a part named file');
    const parts = request.parts({
      limits: { fileSize: LABORATORY_CSV_MAX_BYTES + 1, files: 1, fields: 1, parts: 2, fieldNameSize: 100, fieldSize: 1024, headerPairs: 20 },
    });
    let part: Multipart | undefined;
    let content: Buffer;
    try {
      const first = await parts.next();
      if (first.done) throw fieldError('VALIDATION_FAILED', 'file', 'is missing: send the file in a part named file');
      part = first.value;
      if (part.type !== 'file' || part.fieldname !== 'file')
        throw fieldError('VALIDATION_FAILED', part.fieldname || 'file', 'unexpected part: send one part only, the file, named file');
      content = await part.toBuffer();
      if (part.file.truncated || content.length > LABORATORY_CSV_MAX_BYTES) throw tooLarge();
      const next = await parts.next();
      if (!next.done) throw fieldError('VALIDATION_FAILED', next.value.fieldname || 'file', 'unexpected part: send one part only, the file, named file');
    } catch (e) {
      throw multipartRefusal(e);
    } finally {
      if (part?.type === 'file' && !part.file.readableEnded) part.file.destroy();
    }
    // The type is judged from the content: a CSV file is text, so a NUL byte means a spreadsheet, an archive or an image.
    if (content.includes(0)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file: is not a CSV text file (save the sheet as CSV UTF-8)', undefined, [
        { field: 'file', reasons: ['is not a CSV text file (save the sheet as CSV UTF-8)'] },
      ]);
    }
    return this.laboratories.import(caller, content);
  }
}
