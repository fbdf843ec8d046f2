import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import type { StandardStatus } from '../scheme.machines';

export const STANDARD_KINDS = ['shenzhen', 'group', 'national', 'international', 'enterprise'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];
export const REQUIREMENT_KINDS = ['measured', 'pass_fail'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** node-postgres reads numeric as text (it may not fit a double); bounds of a requirement do. */
const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** A technical standard (Shenzhen evaluation spec, group, national...) in one version. */
@Entity({ name: 'standards' })
export class Standard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh: string;

  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn: string | null;

  @Column({ type: 'text' })
  kind: StandardKind;

  @Column({ type: 'text' })
  issuer: string;

  @Column({ name: 'issuer_organization_id', type: 'uuid', nullable: true })
  issuerOrganizationId: string | null;

  @Column({ type: 'text', default: 'current' })
  status: StandardStatus;

  /** A calendar date, kept as the 'YYYY-MM-DD' text Postgres gives. */
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Which categories a standard applies to. */
@Entity({ name: 'standard_categories' })
export class StandardCategory {
  @PrimaryColumn({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @PrimaryColumn({ name: 'category_code', type: 'text' })
  categoryCode: string;
}

/** One clause of a standard, what an audit finding is recorded against. */
@Entity({ name: 'requirements' })
export class Requirement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  /** The order of the clauses as given, which is not always the clause numbers' text order. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  clause: string;

  @Column({ name: 'text_zh', type: 'text' })
  textZh: string;

  @Column({ name: 'text_en', type: 'text', nullable: true })
  textEn: string | null;

  @Column({ type: 'text' })
  kind: RequirementKind;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ name: 'min_value', type: 'numeric', nullable: true, transformer: numeric })
  min: number | null;

  @Column({ name: 'max_value', type: 'numeric', nullable: true, transformer: numeric })
  max: number | null;

  @Column({ type: 'boolean', default: false })
  critical: boolean;

  /** The test parameter (检测参数) a laboratory's scope line may name instead of this standard's clause. */
  @Column({ name: 'parameter_zh', type: 'text', nullable: true })
  parameterZh: string | null;

  @Column({ name: 'parameter_en', type: 'text', nullable: true })
  parameterEn: string | null;
}
