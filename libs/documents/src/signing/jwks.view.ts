import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One published Ed25519 public key (RFC 8037): never the private member `d`. */
export class PublicJwkView {
  @ApiProperty({ enum: ['OKP'] }) kty: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv: 'Ed25519';
  @ApiProperty({ description: 'the public key, base64url' }) x: string;
  @ApiProperty({ example: 'szs-2026', description: 'the `kid` in the header of the tokens it signs' }) kid: string;
  @ApiPropertyOptional({ enum: ['EdDSA'] }) alg?: 'EdDSA';
  @ApiPropertyOptional({ enum: ['sig'] }) use?: 'sig';
}

/** The JWKS: the current signing key first, then retired ones whose tokens still verify. */
export class JwksView {
  @ApiProperty({ type: [PublicJwkView] }) keys: PublicJwkView[];
}
