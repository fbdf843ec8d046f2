import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { BatchQuery, CatalogueService, CreateBatchDto, CreateEntryDto, EntryQuery } from '@app/scheme';

const Id = () => Param('id', ParseUUIDPipe);

@ApiTags('scheme catalogue')
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post('batches')
  @Auth('regulator')
  @ApiOperation({ summary: 'Start a catalogue batch (draft) (regulator)' })
  createBatch(@Body() dto: CreateBatchDto) {
    return this.catalogue.createBatch(dto);
  }

  @Get('batches')
  @Auth()
  @ApiOperation({ summary: 'Catalogue batches (drafts only for the regulator)' })
  listBatches(@CurrentPrincipal() caller: Principal, @Query() q: BatchQuery) {
    return this.catalogue.listBatches(caller, q);
  }

  @Get('batches/:id')
  @Auth()
  batch(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.catalogue.batch(id, caller);
  }

  @Post('batches/:id/entries')
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a product or service type to a draft batch, with its standards (regulator)' })
  addEntry(@Id() id: string, @Body() dto: CreateEntryDto) {
    return this.catalogue.addEntry(id, dto);
  }

  @Post('batches/:id/publish')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Publish a batch: its entries open for applications (regulator)' })
  publish(@Id() id: string) {
    return this.catalogue.publish(id);
  }

  @Get('entries')
  @Auth()
  @ApiOperation({ summary: 'Catalogue entries an application can name' })
  entries(@CurrentPrincipal() caller: Principal, @Query() q: EntryQuery) {
    return this.catalogue.listEntries(caller, q);
  }

  @Get('entries/:id')
  @Auth()
  entry(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.catalogue.entry(caller, id);
  }

  @Post('entries/:id/close')
  @HttpCode(200)
  @Auth('regulator')
  close(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.catalogue.changeEntry(caller, id, 'close');
  }

  @Post('entries/:id/reopen')
  @HttpCode(200)
  @Auth('regulator')
  reopen(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.catalogue.changeEntry(caller, id, 'reopen');
  }
}
