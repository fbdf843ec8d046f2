import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeclarationStatus } from '../scheme.machines';

export interface KeyIndicator {
  name: string;
  value: string;
  unit?: string;
}

/**
 * One version of an enterprise's public self-declaration (自我声明) of the standard a product
 * follows. Versions of one declaration share a series id; at most one of them is published.
 */
@Entity({ name: 'self_declarations' })
export class SelfDeclaration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'series_id', type: 'uuid' })
  seriesId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'product_name_zh', type: 'text' })
  productNameZh: string;

  @Column({ name: 'product_name_en', type: 'text', nullable: true })
  productNameEn: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  models: string[];

  @Column({ name: 'key_indicators', type: 'jsonb', default: () => `'[]'` })
  keyIndicators: KeyIndicator[];

  @Column({ type: 'text', default: 'published' })
  status: DeclarationStatus;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  /** Who wrote it: internal, never part of the public view (null for an API key). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
