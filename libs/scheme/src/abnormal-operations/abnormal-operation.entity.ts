import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A listing on the abnormal-operations list (异常经营名录): an enterprise that does not produce to
 * the standards it declared. At most one listing per enterprise is open (removed_at is null).
 */
@Entity({ name: 'abnormal_operations' })
export class AbnormalOperation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text' })
  reason: string;

  /** One of the four legal reasons (ABNORMAL_REASONS); null on listings made before they were recorded. */
  @Column({ name: 'reason_code', type: 'text', nullable: true })
  reasonCode: string | null;

  @Column({ name: 'decision_number', type: 'text', nullable: true })
  decisionNumber: string | null;

  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ name: 'deciding_authority', type: 'text', nullable: true })
  decidingAuthority: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  /** Credit repair (信用修复) ended its public display: the record stays for the regulator. */
  @Column({ name: 'display_ended_at', type: 'timestamptz', nullable: true })
  displayEndedAt: Date | null;

  @Column({ name: 'listed_at', type: 'timestamptz', default: () => 'now()' })
  listedAt: Date;

  /** The regulator's user: internal, never public. */
  @Column({ name: 'listed_by', type: 'uuid', nullable: true })
  listedBy: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_reason', type: 'text', nullable: true })
  removedReason: string | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy: string | null;
}
