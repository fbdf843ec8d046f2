import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Direction } from '../self-declarations/declaration-rules';

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

/** A published frontrunner list (领跑者名单): one year, category and indicator, with the values as they stood. */
@Entity({ name: 'frontrunner_lists' })
export class FrontrunnerList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode: string;

  @Column({ name: 'requirement_id', type: 'uuid' })
  requirementId: string;

  @Column({ type: 'text' })
  indicator: string;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ type: 'text' })
  direction: Direction;

  /** The rule: the top `size` ranked declarations. */
  @Column({ type: 'integer' })
  size: number;

  /** How many published declarations were ranked when the list was published. */
  @Column({ type: 'integer' })
  ranked: number;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;
}

@Entity({ name: 'frontrunner_entries' })
export class FrontrunnerEntry {
  @PrimaryColumn({ name: 'list_id', type: 'uuid' })
  listId: string;

  @PrimaryColumn({ type: 'integer' })
  rank: number;

  @Column({ name: 'declaration_id', type: 'uuid' })
  declarationId: string;

  @Column({ type: 'numeric', transformer: numeric })
  value: number;
}

/** An enterprise's claim to be a frontrunner: its declaration named against a list, checked whenever read. */
@Entity({ name: 'frontrunner_claims' })
export class FrontrunnerClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ name: 'declaration_id', type: 'uuid' })
  declarationId: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'claimed_at', type: 'timestamptz', default: () => 'now()' })
  claimedAt: Date;

  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy: string | null;
}
