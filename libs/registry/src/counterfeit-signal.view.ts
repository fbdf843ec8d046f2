import { ApiProperty } from '@nestjs/swagger';
import { REGISTRY_STATUSES } from './registry.dto';

export const COUNTERFEIT_SIGNAL_STATUSES = ['open', 'dismissed', 'confirmed'] as const;
export type CounterfeitSignalStatus = (typeof COUNTERFEIT_SIGNAL_STATUSES)[number];

/** The certificate a signalled code belongs to. */
export class SignalledCertificate {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2026-000123' }) number: string;
  @ApiProperty({ enum: REGISTRY_STATUSES }) status: string;
}

/** A code that looks copied or outlived its certificate, as its certification body reviews it. */
export class CounterfeitSignalView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the certificate number or label code that was verified' }) code: string;
  @ApiProperty({ enum: ['certificate', 'label'] }) kind: 'certificate' | 'label';
  @ApiProperty({
    enum: ['many_networks', 'ended_certificate'],
    description: 'many_networks: a label code verified from many distinct networks; ended_certificate: a code of a certificate no longer valid',
  })
  reason: 'many_networks' | 'ended_certificate';
  @ApiProperty({ enum: COUNTERFEIT_SIGNAL_STATUSES }) status: CounterfeitSignalStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'distinct networks (/24 or /48) seen in the window, for many_networks' })
  distinctNetworks: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'the note given when it was resolved' }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt: Date | null;
  @ApiProperty({ description: 'verifications of the code so far' }) verificationCount: number;
  @ApiProperty({ type: SignalledCertificate }) certificate: SignalledCertificate;
}
