import { ApiProperty } from '@nestjs/swagger';
import { ABNORMAL_REASONS, AbnormalReason, CategoryRef, EnterpriseRef, ListingDecisionView, OrganizationNameRef, PublicEnterpriseRef } from '@app/scheme';
import { CERTIFICATE_STATUSES, CertificateStatus, PUBLIC_REASONS, PublicReason } from '@app/certification';
import { EnterpriseInspectionResult } from '@app/inspections';
import {
  CREDIT_ACTION_OUTCOMES,
  CREDIT_ACTION_STATUSES,
  CREDIT_APPLICATION_KINDS,
  CREDIT_APPLICATION_STATUSES,
  CreditActionOutcome,
  CreditActionStatus,
  CreditApplicationKind,
  CreditApplicationStatus,
  LISTING_KINDS,
  ListingKind,
  SERIOUS_LISTING_STATUSES,
  SeriousListingStatus,
} from './credit.machines';

/** A listing of either kind as the credit record shows it to the regulator and to the enterprise itself. */
export class CreditListingView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LISTING_KINDS }) kind: ListingKind;
  @ApiProperty({ enum: SERIOUS_LISTING_STATUSES, description: 'listed: in force; removed: taken off the list' }) status: SeriousListingStatus;
  @ApiProperty({ enum: ABNORMAL_REASONS, nullable: true, description: 'the legal reason of an abnormal-operations listing' })
  reasonCode: AbnormalReason | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: ListingDecisionView, nullable: true, description: 'the listing decision with the appeal route and its deadlines' })
  decision: ListingDecisionView | null;
  @ApiProperty() listedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) removedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) removedReason: string | null;
  @ApiProperty({ description: 'false once credit repair ended its public display (the record stays here)' }) publiclyDisplayed: boolean;
  @ApiProperty({ nullable: true, type: Date }) displayEndedAt: Date | null;
}

/** A serious-violation listing as the regulator manages it. */
export class SeriousListingView extends CreditListingView {
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty({ type: String, format: 'date', description: 'the first day credit repair may end its public display' }) repairableFrom: string;
  @ApiProperty({ description: 'credit actions it handed to certification bodies, and how many are still open' }) creditActions: number;
  @ApiProperty() openCreditActions: number;
}

export class CreditApplicationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CREDIT_APPLICATION_KINDS }) kind: CreditApplicationKind;
  @ApiProperty({ enum: LISTING_KINDS }) listingKind: ListingKind;
  @ApiProperty() listingId: string;
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty() reason: string;
  @ApiProperty() corrections: string;
  @ApiProperty({ enum: CREDIT_APPLICATION_STATUSES }) status: CreditApplicationStatus;
  @ApiProperty() submittedAt: Date;
  @ApiProperty({ type: String, format: 'date', description: 'the regulator decides by this date (7 days after submission)' }) dueOn: string;
  @ApiProperty({ description: 'undecided past its due date (the daily sweep has told the regulator)' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'the reason given with the decision (a refusal always has one)' })
  decisionReason: string | null;
}

export class CreditActionCertificateRef {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
}

/** One certificate a serious listing handed to its body: suspend or withdraw it by the due date. */
export class CreditActionView {
  @ApiProperty() id: string;
  @ApiProperty() listingId: string;
  @ApiProperty({ description: 'the serious violation the holder is listed for' }) listingReason: string;
  @ApiProperty({ type: CreditActionCertificateRef }) certificate: CreditActionCertificateRef;
  @ApiProperty({ type: EnterpriseRef }) holder: EnterpriseRef;
  @ApiProperty({ type: OrganizationNameRef }) certificationBody: OrganizationNameRef;
  @ApiProperty({ enum: CREDIT_ACTION_STATUSES }) status: CreditActionStatus;
  @ApiProperty({ type: String, format: 'date', description: '5 working days after the listing' }) dueOn: string;
  @ApiProperty({ description: 'open past its due date' }) overdue: boolean;
  @ApiProperty({ enum: CREDIT_ACTION_OUTCOMES, nullable: true, description: 'what the body did' }) outcome: CreditActionOutcome | null;
  @ApiProperty({ nullable: true, type: Date }) doneAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'when the sweep reminded the body and told the regulator' }) escalatedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class WithdrawnCertificateView {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty({ type: OrganizationNameRef }) certificationBody: OrganizationNameRef;
  @ApiProperty() withdrawnAt: Date;
  @ApiProperty({ enum: PUBLIC_REASONS, nullable: true }) publicReason: PublicReason | null;
}

/**
 * Misuse of the mark confirmed: a misuse report has no outcome of its own, so what confirms misuse
 * is the body suspending or withdrawing the certificate for misuse of the mark; the closed reports
 * about that certificate are named with it.
 */
export class ConfirmedMisuseView {
  @ApiProperty() certificateId: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty({ enum: ['suspend', 'withdraw'] }) action: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: [String], description: 'references of the closed misuse reports about the certificate' }) reportReferences: string[];
}

/** An enterprise's credit record: the regulator's and the enterprise's own view. */
export class CreditRecordView {
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty({ type: [CreditListingView], description: 'both kinds, newest first, with status and public display' }) listings: CreditListingView[];
  @ApiProperty({ type: [CreditApplicationView] }) applications: CreditApplicationView[];
  @ApiProperty({ type: [CreditActionView] }) creditActions: CreditActionView[];
  @ApiProperty({ type: [WithdrawnCertificateView] }) withdrawnCertificates: WithdrawnCertificateView[];
  @ApiProperty({ type: [ConfirmedMisuseView] }) confirmedMisuse: ConfirmedMisuseView[];
  @ApiProperty({ type: [EnterpriseInspectionResult], description: 'published random-inspection results (双随机一公开), newest first, at most 50' })
  inspectionResults: EnterpriseInspectionResult[];
}

/** A listing in force as the public credit page shows it. */
export class PublicListingView {
  @ApiProperty({ enum: LISTING_KINDS }) kind: ListingKind;
  @ApiProperty({ enum: ABNORMAL_REASONS, nullable: true }) reasonCode: AbnormalReason | null;
  @ApiProperty() reason: string;
  @ApiProperty() listedAt: Date;
  @ApiProperty({ nullable: true, type: String }) decisionNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) decidingAuthority: string | null;
}

export class PublicCreditCertificateView {
  @ApiProperty() number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ type: CategoryRef }) category: CategoryRef;
  @ApiProperty({ type: String, format: 'date' }) issuedOn: string;
  @ApiProperty({ type: String, format: 'date' }) expiresOn: string;
}

/** The public credit page of an enterprise (reached by its credit code): listings in force that are displayed, and its certificates. */
export class PublicCreditView {
  @ApiProperty({ type: PublicEnterpriseRef }) enterprise: PublicEnterpriseRef;
  @ApiProperty({ type: [PublicListingView] }) listings: PublicListingView[];
  @ApiProperty({ type: [PublicCreditCertificateView] }) certificates: PublicCreditCertificateView[];
}

/** A serious-violation listing (严重违法失信名单) as the public list shows it: no internal ids, the way to the enterprise's credit page. */
export class PublicSeriousListingView {
  @ApiProperty({ type: PublicEnterpriseRef }) enterprise: PublicEnterpriseRef;
  @ApiProperty() reason: string;
  @ApiProperty({ example: '深市监严列〔2026〕3号' }) decisionNumber: string;
  @ApiProperty({ type: String, format: 'date' }) decisionDate: string;
  @ApiProperty({ example: '深圳市市场监督管理局' }) decidingAuthority: string;
  @ApiProperty({ type: String, format: 'date-time' }) listedAt: Date;
  @ApiProperty({ example: '/credit/91440300MA5FXXXX0X', description: "the enterprise's public credit page, a path on this site" }) creditPage: string;
}
