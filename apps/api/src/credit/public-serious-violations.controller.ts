import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { PublicSeriousListingQuery, PublicSeriousListingView, SeriousViolationsService } from '@app/credit';
import { ApiErrors, Page, PageOf } from '@app/shared';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';

/** The serious-violation list as the public sees it (严重违法失信名单公示): here, with its context, because it needs the credit module. */
@ApiTags('credit')
@ApiErrors(503)
@Controller('api/v1/public/serious-violations')
export class PublicSeriousViolationsController {
  constructor(private readonly listings: SeriousViolationsService) {}

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({
    summary:
      'The serious-violation listings on display (in force, not hidden by credit repair), newest first; q: 2+ characters of an enterprise name or credit code',
  })
  @ApiOkResponse({ type: PageOf(PublicSeriousListingView) })
  @ApiErrors(400)
  list(@Query() q: PublicSeriousListingQuery): Promise<Page<PublicSeriousListingView>> {
    return this.listings.listPublic(q);
  }
}
