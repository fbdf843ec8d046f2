import { ApiProperty, OmitType } from '@nestjs/swagger';

/** An organization as anyone may see it: names only, never address or contacts. */
export class OrganizationNameRef {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
}

/** An enterprise in public answers: its names and unified social credit code, never contacts. */
export class EnterpriseRef extends OrganizationNameRef {
  @ApiProperty({ description: '统一社会信用代码' }) creditCode: string;
}

/** The holder of a certificate or a listing as the public registry shows it: names and credit code, no internal id. */
export class PublicEnterpriseRef extends OmitType(EnterpriseRef, ['id'] as const) {}

/** A product category by its code and names. */
export class CategoryRef {
  @ApiProperty({ example: 'ELECTRONICS' }) code: string;
  @ApiProperty({ example: '电子信息产品' }) nameZh: string;
  @ApiProperty({ nullable: true, type: String, example: 'Electronic information products' }) nameEn: string | null;
}

/** A standard named as a certificate or a declaration names it. */
export class StandardRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZDB/Z 0101' }) code: string;
  @ApiProperty({ example: '2026' }) version: string;
  @ApiProperty() titleZh: string;
  @ApiProperty({ nullable: true, type: String }) titleEn: string | null;
}

/** The standard as printed on a certificate and in the public registry (no internal id). */
export class PublicStandardRef extends OmitType(StandardRef, ['id'] as const) {}
