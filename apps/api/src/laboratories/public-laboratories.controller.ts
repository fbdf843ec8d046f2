import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import {
  PublicLaboratoriesService,
  PublicLaboratoryQuery,
  PublicLaboratorySummary,
  PublicLaboratoryView,
  PublicScopeLineQuery,
  PublicScopeLineView,
} from '@app/laboratories';
import { ApiErrors, Page, PageOf } from '@app/shared';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';

/** The laboratory register as anyone may read it: here, with its context, because it needs the laboratories module. */
@ApiTags('laboratories')
@ApiErrors(503)
@Controller('api/v1/public/laboratories')
export class PublicLaboratoriesController {
  constructor(private readonly laboratories: PublicLaboratoriesService) {}

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'The laboratory register, accredited and suspended laboratories by name; q: 2+ characters of a name or CNAS number; status' })
  @ApiOkResponse({ type: PageOf(PublicLaboratorySummary) })
  @ApiErrors(400)
  list(@Query() q: PublicLaboratoryQuery): Promise<Page<PublicLaboratorySummary>> {
    return this.laboratories.list(q);
  }

  @Get(':cnasNumber')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'A laboratory of the register by its CNAS number, with how many scope lines its accreditation has' })
  @ApiParam({ name: 'cnasNumber', example: 'L0235', description: '"CNAS L0235" and "l0235" are the same number' })
  @ApiOkResponse({ type: PublicLaboratoryView })
  @ApiErrors(400, 404)
  get(@Param('cnasNumber') cnasNumber: string): Promise<PublicLaboratoryView> {
    return this.laboratories.get(cnasNumber);
  }

  @Get(':cnasNumber/scope-lines')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: "A page of a laboratory's scope lines in the register's order; q: part of a parameter, object tested or standard code" })
  @ApiParam({ name: 'cnasNumber', example: 'L0235' })
  @ApiOkResponse({ type: PageOf(PublicScopeLineView) })
  @ApiErrors(400, 404)
  scopeLines(@Param('cnasNumber') cnasNumber: string, @Query() q: PublicScopeLineQuery): Promise<Page<PublicScopeLineView>> {
    return this.laboratories.scopeLines(cnasNumber, q);
  }
}
