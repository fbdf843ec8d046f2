import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { InspectionPlansService, PublicPlanQuery, PublicPlanSummary, PublicPlanView, VerificationView } from '@app/inspections';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';

/** 一公开: committed plans with their commitment, draws with their seed, published results; the draw re-run on demand. */
@ApiTags('public inspections')
@ApiErrors(503)
@Controller('api/v1/public/inspection-plans')
export class PublicInspectionsController {
  constructor(private readonly plans: InspectionPlansService) {}

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Random inspection plans from their commitment on, newest year first' })
  @ApiOkResponse({ type: PageOf(PublicPlanSummary) })
  @ApiErrors(400)
  list(@Query() q: PublicPlanQuery): Promise<Page<PublicPlanSummary>> {
    return this.plans.listPublic(q);
  }

  @Get(':id')
  @Public()
  @RateLimited()
  @ApiOperation({
    summary: 'Everything needed to re-run a draw: algorithm, commitment, seed (once drawn), frozen population, result; the results once published',
    description: 'The algorithm is docs/inspection-draw.md. A draft plan is not found.',
  })
  @ApiOkResponse({ type: PublicPlanView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<PublicPlanView> {
    return this.plans.getPublic(id);
  }

  @Get(':id/verify')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Re-run the draw from what is published and say whether the commitment, the hashes and the result match' })
  @ApiOkResponse({ type: VerificationView })
  @ApiErrors(400, 404)
  verify(@UuidParam() id: string): Promise<VerificationView> {
    return this.plans.verify(id);
  }
}
