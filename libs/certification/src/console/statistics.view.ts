import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certificates/certificate-status.machine';

export const COUNTERFEIT_SIGNAL_STATUSES = ['open', 'dismissed', 'confirmed'] as const;
export type CounterfeitSignalStatusName = (typeof COUNTERFEIT_SIGNAL_STATUSES)[number];

export class CategoryCount {
  @ApiProperty({ example: 'ELECTRONICS' }) code: string;
  @ApiProperty({ example: '电子信息产品' }) nameZh: string;
  @ApiProperty({ example: 'Electronic information products' }) nameEn: string;
  @ApiProperty({ description: 'certificates of the category, in any status' }) count: number;
  @ApiProperty({ description: 'of which valid' }) valid: number;
}

export class CertificateStatusCount {
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty() count: number;
}

export class MonthCount {
  @ApiProperty({ example: '2026-11', description: 'a calendar month in Shenzhen (Asia/Shanghai)' }) month: string;
  @ApiProperty() count: number;
}

export class VerificationDay {
  @ApiProperty({ type: String, format: 'date', example: '2026-11-30', description: 'a calendar day in Shenzhen (Asia/Shanghai)' }) day: string;
  @ApiProperty({ description: 'verifications of certificate numbers' }) certificate: number;
  @ApiProperty({ description: 'verifications of label codes and QR tokens' }) label: number;
  @ApiProperty() total: number;
}

export class DayCount {
  @ApiProperty({ type: String, format: 'date', example: '2026-11-30', description: 'a calendar day in Shenzhen (Asia/Shanghai)' }) day: string;
  @ApiProperty() count: number;
}

export class CounterfeitSignalStatusCount {
  @ApiProperty({ enum: COUNTERFEIT_SIGNAL_STATUSES }) status: CounterfeitSignalStatusName;
  @ApiProperty() count: number;
}

/** The dashboard's figures, from the platform's own records. */
export class DashboardView {
  @ApiProperty({
    enum: ['all', 'certification_body'],
    description: "all: the regulator's view; certification_body: the caller's own certificates, codes and signals",
  })
  scope: 'all' | 'certification_body';
  @ApiProperty({ type: String, format: 'date', description: 'today in Shenzhen: the last day of the daily series and the month of the last monthly one' })
  today: string;
  @ApiProperty({ type: [CategoryCount], description: 'categories with at least one certificate, most certificates first' })
  certificatesByCategory: CategoryCount[];
  @ApiProperty({ type: [CertificateStatusCount], description: 'every status, zero included' }) certificatesByStatus: CertificateStatusCount[];
  @ApiProperty({ type: [MonthCount], description: 'certificates issued per month, the last 12 months (this one included), oldest first' })
  issuedPerMonth: MonthCount[];
  @ApiProperty({ type: [VerificationDay], description: 'the last 30 days (today included, so far), oldest first' }) verificationsPerDay: VerificationDay[];
  @ApiProperty({ type: [DayCount], description: 'counterfeit signals raised per day, the last 30 days, oldest first' }) counterfeitSignalsPerDay: DayCount[];
  @ApiProperty({ type: [CounterfeitSignalStatusCount], description: 'every status, zero included' }) counterfeitSignalsByStatus: CounterfeitSignalStatusCount[];
}
