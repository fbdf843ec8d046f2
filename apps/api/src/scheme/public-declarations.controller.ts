import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';
import {
  DeclarationDirectoryQuery,
  FrontrunnerListDetailView,
  FrontrunnerListQuery,
  FrontrunnerListView,
  FrontrunnersService,
  RankingQuery,
  RankingView,
  SelfDeclarationDetailView,
  SelfDeclarationsService,
  SelfDeclarationView,
} from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/** The public directory of self-declarations (自我声明公开) and the frontrunner rankings and lists (领跑者). */
@ApiTags('public self-declarations')
@ApiErrors(503)
@Controller('api/v1/public')
export class PublicDeclarationsController {
  constructor(
    private readonly declarations: SelfDeclarationsService,
    private readonly frontrunners: FrontrunnersService,
  ) {}

  @Get('self-declarations')
  @Public()
  @RateLimited()
  @ApiOperation({
    summary: 'Search published self-declarations: 2+ characters of enterprise, credit code, product (name, brand, model, barcode) or standard (code, title)',
  })
  @ApiOkResponse({ type: PageOf(SelfDeclarationView) })
  @ApiErrors(400)
  directory(@Query() q: DeclarationDirectoryQuery): Promise<Page<SelfDeclarationView>> {
    return this.declarations.directory(q);
  }

  @Get('self-declarations/:id')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'A self-declaration version with its standards, flagged indicators, products, commitment and versions' })
  @ApiOkResponse({ type: SelfDeclarationDetailView })
  @ApiErrors(400, 404)
  declaration(@UuidParam() id: string): Promise<SelfDeclarationDetailView> {
    return this.declarations.get(id);
  }

  @Get('frontrunners/ranking')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: "The ranking (排行) of published declarations' values of one indicator in a category, best first" })
  @ApiOkResponse({ type: RankingView })
  @ApiErrors(400)
  ranking(@Query() q: RankingQuery): Promise<RankingView> {
    return this.frontrunners.ranking(q);
  }

  @Get('frontrunner-lists')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Published frontrunner lists (领跑者名单), newest first (filters: year, categoryCode)' })
  @ApiOkResponse({ type: PageOf(FrontrunnerListView) })
  @ApiErrors(400)
  lists(@Query() q: FrontrunnerListQuery): Promise<Page<FrontrunnerListView>> {
    return this.frontrunners.lists(q);
  }

  @Get('frontrunner-lists/:id')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'A frontrunner list with its frontrunners and the values recorded at publication' })
  @ApiOkResponse({ type: FrontrunnerListDetailView })
  @ApiErrors(400, 404)
  list(@UuidParam() id: string): Promise<FrontrunnerListDetailView> {
    return this.frontrunners.list(id);
  }
}
