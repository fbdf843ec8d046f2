import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A certification body may certify a category only while it holds a valid authorization:
 * inside its validity window and not revoked.
 */
@Entity({ name: 'authorizations' })
export class Authorization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'certification_body_id', type: 'uuid' })
  certificationBodyId: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode: string;

  @Column({ name: 'accreditation_number', type: 'text' })
  accreditationNumber: string;

  /** Calendar dates ('YYYY-MM-DD'), both inclusive. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
