import type { Multipart } from '@fastify/multipart';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentDisposition, EVIDENCE_CONTENT_TYPES, EvidenceFilesService, EvidenceFileView, EvidenceUploadBody } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, DomainError, fieldError, UuidParam } from '@app/shared';

/** What multipart framing (boundaries, part headers) may add to the file in a well-formed request. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const ONLY_THE_FILE = 'send one part only: the file, in a part named file';

/**
 * The multipart parser's refusals, as 4xx naming the part: its limits (a second file, a field),
 * a body that is not multipart or is cut short. Anything else (the database) is left as it is.
 */
export function multipartRefusal(e: unknown): unknown {
  if (e instanceof DomainError || !(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return fieldError('VALIDATION_FAILED', 'file', ONLY_THE_FILE);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return fieldError('VALIDATION_FAILED', 'file', 'send the file as multipart/form-data, in a part named file');
    case 'FST_PROTO_VIOLATION':
      return fieldError('VALIDATION_FAILED', 'file', ONLY_THE_FILE);
  }
  // busboy's words for a malformed or truncated body, and the plugin's for a client that went away
  if (code === 'FST_PREMATURE_CLOSE' || /Unexpected end of form|Malformed part header|terminated early|boundary/i.test(e.message)) {
    return fieldError('VALIDATION_FAILED', 'file', `the multipart body is malformed or incomplete (${e.message})`);
  }
  return e;
}

/** Evidence files: corrective-action evidence and test reports, uploaded once and then attached to an answer or a finding. */
@ApiTags('evidence files')
@ApiErrors(503)
@Controller('api/v1/evidence-files')
export class EvidenceFilesController {
  constructor(private readonly evidence: EvidenceFilesService) {}

  @Post()
  @Auth()
  @ApiOperation({
    summary: 'Upload an evidence file (PDF, PNG, JPEG or WebP), to attach to an answer or a finding afterwards',
    description:
      'multipart/form-data with exactly one part, `file`. The type is judged from the content, never from the name or the ' +
      'declared type; at most EVIDENCE_MAX_BYTES (20 MiB by default). The file is visible to your organization until it is ' +
      'attached (evidenceFileIds of a nonconformity answer, an information-request answer or a finding), then also to the ' +
      "case's parties. An organization holds at most EVIDENCE_UNATTACHED_PER_ORGANIZATION unattached files (409 " +
      'LIMIT_REACHED beyond); one never attached is removed after EVIDENCE_UNATTACHED_HOURS (24 by default).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadBody })
  @ApiCreatedResponse({ type: EvidenceFileView })
  @ApiErrors(400, 409, 413, 415, 429)
  async upload(@CurrentPrincipal() caller: Principal, @Req() request: FastifyRequest): Promise<EvidenceFileView> {
    const maxBytes = this.evidence.maxBytes;
    // A declared length that cannot fit is refused before a byte is read.
    if (Number(request.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD_BYTES) throw this.evidence.tooLarge();
    if (!request.isMultipart()) throw fieldError('VALIDATION_FAILED', 'file', 'send the file as multipart/form-data, in a part named file');
    // One byte over the limit gets through, so the store sees the excess and refuses it by name.
    const parts = request.parts({
      limits: { fileSize: maxBytes + 1, files: 1, fields: 1, parts: 2, fieldNameSize: 100, fieldSize: 1024, headerPairs: 20 },
    });
    let part: Multipart | undefined;
    try {
      const first = await parts.next();
      if (first.done) throw fieldError('VALIDATION_FAILED', 'file', 'is missing: send the file in a part named file');
      part = first.value;
      if (part.type !== 'file' || part.fieldname !== 'file') {
        throw fieldError('VALIDATION_FAILED', part.fieldname || 'file', `unexpected part: ${ONLY_THE_FILE}`);
      }
      const file = part;
      return await this.evidence.upload(caller, {
        fileName: file.filename,
        content: file.file,
        finish: async () => {
          if (file.file.truncated) throw this.evidence.tooLarge();
          const next = await parts.next();
          if (!next.done) throw fieldError('VALIDATION_FAILED', next.value.fieldname || 'file', `unexpected part: ${ONLY_THE_FILE}`);
        },
      });
    } catch (e) {
      throw multipartRefusal(e);
    } finally {
      // A refused upload is not read to its end: stop the parser, so the rest of the body is dropped, not buffered.
      if (part?.type === 'file' && !part.file.readableEnded) part.file.destroy();
    }
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: "An evidence file's metadata (the uploader's organization, or the parties of the case it is attached to)" })
  @ApiOkResponse({ type: EvidenceFileView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<EvidenceFileView> {
    return this.evidence.get(caller, id);
  }

  @Get(':id/content')
  @Auth()
  @ApiOperation({
    summary: "An evidence file's content, streamed as an attachment",
    description: 'Content-Type is the type judged at upload; the browser is told not to guess another (nosniff) nor run anything in it (CSP sandbox).',
  })
  @ApiProduces(...EVIDENCE_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, as an attachment under its name' })
  @ApiErrors(400, 404)
  async content(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { file, content } = await this.evidence.open(caller, id);
    void reply
      .header('Content-Type', file.contentType)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "sandbox; default-src 'none'")
      .header('Cache-Control', 'private, no-store')
      .send(content);
  }
}
