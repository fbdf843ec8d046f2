/** What a certificate PDF shows: a snapshot of the certificate, already in display form. */
export type CertificateStatus = 'valid' | 'suspended' | 'withdrawn' | 'cancelled' | 'expired';

export interface CertifiedProduct {
  nameZh: string;
  nameEn?: string;
  brand: string;
  models: string[];
  factoryAddress: string;
}

export interface CertifiedService {
  nameZh: string;
  nameEn?: string;
  sites: { name: string; address: string }[];
}

export type CertificateScope = { kind: 'products'; products: CertifiedProduct[] } | { kind: 'service'; service: CertifiedService };

export interface CertificateDocument {
  number: string;
  status: CertificateStatus;
  holder: { nameZh: string; nameEn: string | null; creditCode: string; address: string };
  certificationBody: { nameZh: string; nameEn: string | null; accreditationNumber: string | null };
  category: { code: string; nameZh: string; nameEn: string };
  standard: { code: string; version: string; titleZh: string; titleEn: string | null };
  scope: CertificateScope;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD */
  expiresOn: string;
  /** Encoded in the QR code and printed under it. */
  verificationUrl: string;
}

/** The national status words (有效, 暂停, 撤销, 注销, 过期) with their English names. */
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  suspended: { zh: '暂停', en: 'Suspended' },
  withdrawn: { zh: '撤销', en: 'Withdrawn' },
  cancelled: { zh: '注销', en: 'Cancelled' },
  expired: { zh: '过期', en: 'Expired' },
};
