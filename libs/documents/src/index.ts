export { renderCertificatePdf } from './certificate/certificate-pdf';
export { CERTIFICATE_STATUS_LABELS } from './certificate/certificate-document';
export type { CertificateDocument, CertificateScope, CertificateStatus, CertifiedProduct, CertifiedService } from './certificate/certificate-document';
export { TokenSigner } from './signing/token-signer';
export { JwksView, PublicJwkView } from './signing/jwks.view';
export type { TokenClaims, VerificationKey } from './signing/token-signer';
// A representative certificate, for the renderer's specs and the PDF benchmark.
export { sampleCertificate } from './certificate/sample-certificate';
