import { attachmentDisposition, evidenceFileName, sniffEvidenceType } from './evidence-content';

describe('sniffEvidenceType', () => {
  it('knows PDF, PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffEvidenceType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(sniffEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]))).toBe('image/jpeg');
    expect(sniffEvidenceType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('refuses HTML, executables, archives, text and nothing at all', () => {
    for (const head of [
      Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00'),
      Buffer.from('PK\x03\x04\x14\x00\x00\x00'),
      Buffer.from('just some text'),
      Buffer.from(' %PDF-1.7'),
      Buffer.alloc(0),
    ]) {
      expect(sniffEvidenceType(head)).toBeUndefined();
    }
  });
});

describe('evidenceFileName', () => {
  it('keeps the last path segment without control characters or quotes', () => {
    expect(evidenceFileName('C:\\Users\\张三\\检验报告.pdf', 'application/pdf')).toBe('检验报告.pdf');
    expect(evidenceFileName('../../etc/pass"wd\r\n.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(evidenceFileName('photo.JPG', 'image/jpeg')).toBe('photo.JPG');
  });

  it('appends the extension of the real type when the name does not carry it', () => {
    expect(evidenceFileName('report.pdf', 'image/png')).toBe('report.pdf.png');
    expect(evidenceFileName('', 'application/pdf')).toBe('evidence.pdf');
    expect(evidenceFileName(undefined, 'image/webp')).toBe('evidence.webp');
    expect(evidenceFileName('...', 'image/webp')).toBe('evidence.webp');
  });

  it('cuts a long name to 200 characters, never inside a character', () => {
    const name = evidenceFileName(`${'检'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name in RFC 5987 form', () => {
    expect(attachmentDisposition('检验报告 (1).pdf')).toBe(
      `attachment; filename="____ (1).pdf"; filename*=UTF-8''%E6%A3%80%E9%AA%8C%E6%8A%A5%E5%91%8A%20%281%29.pdf`,
    );
  });
});
