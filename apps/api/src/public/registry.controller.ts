import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Public } from '@app/identity';
import { RateLimited } from './rate-limit/public-rate-limit.guard';
import {
  ChangesQuery,
  CSV_HEADER,
  csvLine,
  ExportQuery,
  jsonLine,
  RegistryChangesView,
  RegistryRecordView,
  RegistrySearchPage,
  RegistrySearchQuery,
  RegistryService,
} from '@app/registry';
import { ApiErrors } from '@app/shared';

/** The public registry: what the platform certifies, for consumers, retailers, journalists and integrators. */
@ApiTags('public registry')
@ApiErrors(503)
@Controller('api/v1/registry')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get('certificates')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Search certificates: text (2+ characters) over enterprise, product, brand and model names; filters; keyset pages' })
  @ApiOkResponse({ type: RegistrySearchPage })
  @ApiErrors(400)
  search(@Query() q: RegistrySearchQuery): Promise<RegistrySearchPage> {
    return this.registry.search(q);
  }

  @Get('certificates/:number')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: "A certificate's public record with its full status history" })
  @ApiOkResponse({ type: RegistryRecordView })
  @ApiErrors(400, 404)
  record(@Param('number') number: string): Promise<RegistryRecordView> {
    return this.registry.record(number.toUpperCase());
  }

  @Get('changes')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'The change feed: every public change after a sequence number' })
  @ApiOkResponse({ type: RegistryChangesView })
  @ApiErrors(400)
  changes(@Query() q: ChangesQuery): Promise<RegistryChangesView> {
    return this.registry.changes(q);
  }

  @Get('export')
  @Public()
  @RateLimited('export')
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOperation({ summary: 'The whole public registry as CSV or JSON Lines, streamed' })
  @ApiOkResponse({
    description: 'format=csv: one line per entry under a header (text/csv); format=jsonl: one RegistryEntryView as JSON per line (application/x-ndjson)',
    schema: { type: 'string' },
  })
  @ApiErrors(400)
  async export(@Query() q: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const pages = this.registry.exportPages();
    // The first page is read before the answer starts, so a database that does not answer in time
    // is a 503 with Retry-After rather than a broken download.
    const first = await pages.next();
    async function* lines(): AsyncGenerator<string> {
      if (q.format === 'csv') yield CSV_HEADER;
      if (first.done) return;
      const line = q.format === 'csv' ? csvLine : jsonLine;
      yield first.value.map(line).join('');
      for await (const page of pages) yield page.map(line).join('');
    }
    void reply
      .header('Content-Type', q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="shenzhen-standard-registry.${q.format}"`)
      .send(Readable.from(lines()));
  }
}
