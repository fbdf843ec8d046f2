import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { BatchQuery, BatchView, CatalogueService, CreateBatchDto, CreateEntryDto, EntryQuery, EntryView } from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('scheme catalogue')
@ApiErrors(503)
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post('batches')
  @Auth('regulator')
  @ApiOperation({ summary: 'Start a catalogue batch, as a draft (regulator)' })
  @ApiCreatedResponse({ type: BatchView })
  @ApiErrors(400, 409)
  createBatch(@Body() dto: CreateBatchDto): Promise<BatchView> {
    return this.catalogue.createBatch(dto);
  }

  @Get('batches')
  @Auth()
  @ApiOperation({ summary: 'Catalogue batches: published ones, and drafts for the regulator (filter: status)' })
  @ApiOkResponse({ type: PageOf(BatchView) })
  @ApiErrors(400)
  listBatches(@CurrentPrincipal() caller: Principal, @Query() q: BatchQuery): Promise<Page<BatchView>> {
    return this.catalogue.listBatches(caller, q);
  }

  @Get('batches/:id')
  @Auth()
  @ApiOkResponse({ type: BatchView })
  @ApiErrors(400, 404)
  batch(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<BatchView> {
    return this.catalogue.batch(caller, id);
  }

  @Post('batches/:id/entries')
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a product or service type, with its evaluation rules and standards, to a draft batch (regulator)' })
  @ApiCreatedResponse({ type: EntryView })
  @ApiErrors(400, 404, 409)
  addEntry(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: CreateEntryDto): Promise<EntryView> {
    return this.catalogue.addEntry(caller, id, dto);
  }

  @Post('batches/:id/publish')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Publish a draft batch: its entries open for applications (regulator)' })
  @ApiOkResponse({ type: BatchView })
  @ApiErrors(400, 404, 409, 422)
  publish(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<BatchView> {
    return this.catalogue.publish(caller, id);
  }

  @Get('entries')
  @Auth()
  @ApiOperation({ summary: 'Catalogue entries an application can name (filters: categoryCode, kind, batchId, status, q)' })
  @ApiOkResponse({ type: PageOf(EntryView) })
  @ApiErrors(400)
  entries(@CurrentPrincipal() caller: Principal, @Query() q: EntryQuery): Promise<Page<EntryView>> {
    return this.catalogue.listEntries(caller, q);
  }

  @Get('entries/:id')
  @Auth()
  @ApiOkResponse({ type: EntryView })
  @ApiErrors(400, 404)
  entry(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<EntryView> {
    return this.catalogue.entry(caller, id);
  }

  @Post('entries/:id/close')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Close an entry to new applications (regulator)' })
  @ApiOkResponse({ type: EntryView })
  @ApiErrors(400, 404, 409)
  close(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<EntryView> {
    return this.catalogue.changeEntry(caller, id, 'close');
  }

  @Post('entries/:id/reopen')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Reopen a closed entry (regulator)' })
  @ApiOkResponse({ type: EntryView })
  @ApiErrors(400, 404, 409)
  reopen(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<EntryView> {
    return this.catalogue.changeEntry(caller, id, 'reopen');
  }
}
