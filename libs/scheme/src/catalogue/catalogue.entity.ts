import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BatchStatus, EntryStatus } from '../scheme.machines';

export const ENTRY_KINDS = ['product', 'service'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A batch of the bureau's catalogue of product and service types (产品和服务目录), published at once. */
@Entity({ name: 'catalogue_batches' })
export class CatalogueBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh: string;

  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: BatchStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A product or service type opened for certification, with its evaluation rules (评价细则). */
@Entity({ name: 'catalogue_entries' })
export class CatalogueEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode: string;

  @Column({ type: 'text' })
  kind: EntryKind;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'evaluation_rules', type: 'text' })
  evaluationRules: string;

  @Column({ type: 'text', default: 'open' })
  status: EntryStatus;

  /** Months between surveillance audits of the certificates issued under this entry. */
  @Column({ name: 'surveillance_interval_months', type: 'integer', default: 12 })
  surveillanceIntervalMonths: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Mapped by list queries (innerJoinAndMapOne), not a column. */
  batch?: CatalogueBatch;
}

/** The standards that passed advancedness evaluation (先进性评价) for an entry. */
@Entity({ name: 'catalogue_entry_standards' })
export class CatalogueEntryStandard {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @PrimaryColumn({ name: 'standard_id', type: 'uuid' })
  standardId: string;
}
