import { isDeliverableAddress } from './email-address';
import { oneLine, renderNotification } from './templates';

describe('notification e-mail safety', () => {
  it('accepts plain mailboxes', () => {
    expect(isDeliverableAddress('quality@example.cn')).toBe(true);
    expect(isDeliverableAddress('li.na+szs@mail.深圳.中国')).toBe(true);
  });

  it('refuses header injection, lists, display names and over-long addresses', () => {
    expect(isDeliverableAddress('a@example.cn\r\nBcc: victim@example.com')).toBe(false);
    expect(isDeliverableAddress('a@example.cn, b@example.cn')).toBe(false);
    expect(isDeliverableAddress('Eve <eve@example.cn>')).toBe(false);
    expect(isDeliverableAddress('"x"@example.cn')).toBe(false);
    expect(isDeliverableAddress(`${'a'.repeat(64)}@${'b'.repeat(250)}.cn`)).toBe(false);
    expect(isDeliverableAddress('nobody@localhost')).toBe(false);
  });

  it('renders the subject zh first with the number, on one line, and the link under the base URL', () => {
    const m = renderNotification(
      {
        event: 'certificate_suspended',
        key: 'k',
        audience: [],
        subjectNumber: 'SZS-2026-000001-7\r\nBcc: x@y.z',
        link: '/registry/SZS-2026-000001-7',
        params: { reason: 'misuse_of_mark' },
      },
      'https://szs.example.cn/',
    );
    expect(m.subject).toBe('证书已暂停：SZS-2026-000001-7 Bcc: x@y.z / Certificate suspended: SZS-2026-000001-7 Bcc: x@y.z');
    expect(m.link).toBe('https://szs.example.cn/registry/SZS-2026-000001-7');
    expect(m.body.indexOf('证书已暂停')).toBeLessThan(m.body.indexOf('has been suspended'));
    expect(m.body).toContain('Details: https://szs.example.cn/registry/SZS-2026-000001-7');
  });

  it('never links outside the platform', () => {
    expect(renderNotification({ event: 'certificate_restored', key: 'k', audience: [], link: '//evil.example/x' }, 'https://szs.example.cn').link).toBe(
      'https://szs.example.cn/',
    );
  });

  it('flattens control characters and caps length', () => {
    expect(oneLine('a\u0000b\nc', 10)).toBe('a b c');
    expect(oneLine('x'.repeat(20), 5)).toBe('xxxx…');
  });
});
