import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_CONTENT_TYPES, EvidenceContentType } from './evidence-content';

/** An evidence file as the record it is attached to lists it. */
export class EvidenceFileRef {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the name it was uploaded under, made safe (and given the extension of its real type)', example: '整改记录.pdf' })
  fileName: string;
  @ApiProperty({ enum: EVIDENCE_CONTENT_TYPES, description: 'judged from the content, not from the name' }) contentType: EvidenceContentType;
  @ApiProperty({ description: 'bytes', example: 183204 }) size: number;
}

/** An evidence file's metadata; its content is at /api/v1/evidence-files/{id}/content. */
export class EvidenceFileView extends EvidenceFileRef {
  @ApiProperty({ description: 'lower-case hex SHA-256 of the content', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'when it was attached to a nonconformity, finding or answer; null while unattached',
  })
  attachedAt: string | null;
}

/** The multipart body of an upload, for the OpenAPI document. */
export class EvidenceUploadBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the file: PDF, PNG, JPEG or WebP (judged by content), at most EVIDENCE_MAX_BYTES' })
  file: unknown;
}
