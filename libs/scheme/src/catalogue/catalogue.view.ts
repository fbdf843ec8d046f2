import { ApiProperty } from '@nestjs/swagger';
import { BATCH_STATUSES, BatchStatus, ENTRY_STATUSES, EntryStatus } from '../scheme.machines';
import { CatalogueBatch, CatalogueEntry, ENTRY_KINDS, EntryKind } from './catalogue.entity';

export class BatchView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-02' }) number: string;
  @ApiProperty() titleZh: string;
  @ApiProperty({ nullable: true, type: String }) titleEn: string | null;
  @ApiProperty({ enum: BATCH_STATUSES }) status: BatchStatus;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty() entryCount: number;

  static of(b: CatalogueBatch, entryCount: number): BatchView {
    const { id, number, titleZh, titleEn, status, publishedAt } = b;
    return { id, number, titleZh, titleEn, status, publishedAt, entryCount };
  }
}

/** A standard that passed advancedness evaluation for an entry. */
export class EntryStandardRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZDB/Z 0101' }) code: string;
  @ApiProperty({ example: '2026' }) version: string;
  @ApiProperty() titleZh: string;
}

export class BatchRef {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: BATCH_STATUSES }) status: BatchStatus;
}

export class EntryView {
  @ApiProperty() id: string;
  @ApiProperty({ type: BatchRef }) batch: BatchRef;
  @ApiProperty({ example: 'ELECTRONICS' }) categoryCode: string;
  @ApiProperty({ enum: ENTRY_KINDS }) kind: EntryKind;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ description: '评价细则' }) evaluationRules: string;
  @ApiProperty({ enum: ENTRY_STATUSES, description: 'open: takes new applications' }) status: EntryStatus;
  @ApiProperty({ example: 12, description: "months between surveillance audits of this entry's certificates" }) surveillanceIntervalMonths: number;
  @ApiProperty({ type: [EntryStandardRef], description: 'the standards an application for this entry may name' }) standards: EntryStandardRef[];

  static of(e: CatalogueEntry, batch: CatalogueBatch, standards: EntryStandardRef[]): EntryView {
    const { id, categoryCode, kind, nameZh, nameEn, evaluationRules, status, surveillanceIntervalMonths } = e;
    const batchRef = { id: batch.id, number: batch.number, status: batch.status };
    return { id, batch: batchRef, categoryCode, kind, nameZh, nameEn, evaluationRules, status, surveillanceIntervalMonths, standards };
  }
}
