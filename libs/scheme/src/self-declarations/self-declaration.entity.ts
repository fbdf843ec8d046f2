import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DeclarationStatus } from '../scheme.machines';
import type { StandardKind } from '../standards/standard.entity';
import type { IndicatorFlag } from './declaration-rules';

export interface KeyIndicator {
  name: string;
  value: string;
  unit?: string;
  testMethod?: string;
  requirementId?: string;
}

/** A standard applied, as it was when the version was published. */
export interface AppliedStandard {
  /** Null for the enterprise's own standard declared in place. */
  standardId: string | null;
  kind: StandardKind;
  code: string;
  version: string | null;
  titleZh: string;
  titleEn: string | null;
}

export interface DeclaredProduct {
  name: string;
  brand: string;
  model: string;
  barcode?: string;
  specification?: string;
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

  @Column({ name: 'category_code', type: 'text', nullable: true })
  categoryCode: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  standards: AppliedStandard[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  products: DeclaredProduct[];

  /** Computed at publication and kept: what the rules said about the version as it was published. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  flags: IndicatorFlag[];

  @Column({ name: 'commitment_text', type: 'text', nullable: true })
  commitmentText: string | null;

  /** The signing person: internal (the public sees the role, not who). */
  @Column({ name: 'committed_by', type: 'uuid', nullable: true })
  committedBy: string | null;

  @Column({ name: 'committed_role', type: 'text', nullable: true })
  committedRole: string | null;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  /** The directory's text, lower-cased (its bigrams are a generated column the directory's index holds). */
  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText: string;

  /** Who wrote it: internal, never part of the public view (null for an API key). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}

/** A numeric indicator value tied to a national requirement, for rankings. */
@Entity({ name: 'self_declaration_measures' })
export class DeclarationMeasure {
  @PrimaryColumn({ name: 'declaration_id', type: 'uuid' })
  declarationId: string;

  @PrimaryColumn({ name: 'requirement_id', type: 'uuid' })
  requirementId: string;

  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  value: number;
}
