import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A product category of the scheme (FOOD, FURNITURE, APPAREL, ELECTRONICS are the pilots). */
@Entity({ name: 'product_categories' })
export class ProductCategory {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'boolean', default: false })
  pilot: boolean;

  /** false: closed to new applications (eligibility checks it at submission). */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
