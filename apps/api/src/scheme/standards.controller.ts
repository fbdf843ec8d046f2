import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/identity';
import { CreateStandardDto, StandardQuery, StandardsService, StandardSummary, StandardView } from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('scheme catalogue')
@ApiErrors(503)
@Controller('api/v1/standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Standards (filters: categoryCode, kind, status, q over code and title)' })
  @ApiOkResponse({ type: PageOf(StandardSummary) })
  @ApiErrors(400)
  list(@Query() q: StandardQuery): Promise<Page<StandardSummary>> {
    return this.standards.list(q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A standard with its requirements, in order' })
  @ApiOkResponse({ type: StandardView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<StandardView> {
    return this.standards.get(id);
  }

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a standard with its categories and requirements (regulator)' })
  @ApiCreatedResponse({ type: StandardView })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateStandardDto): Promise<StandardView> {
    return this.standards.create(dto);
  }

  @Post(':id/supersede')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Mark a current standard superseded by a newer version (regulator)' })
  @ApiOkResponse({ type: StandardView })
  @ApiErrors(400, 404, 409, 422)
  supersede(@UuidParam() id: string): Promise<StandardView> {
    return this.standards.change(id, 'supersede');
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Withdraw a current standard (regulator)' })
  @ApiOkResponse({ type: StandardView })
  @ApiErrors(400, 404, 409, 422)
  withdraw(@UuidParam() id: string): Promise<StandardView> {
    return this.standards.change(id, 'withdraw');
  }
}
