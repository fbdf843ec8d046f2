import { CertificateDocument } from './certificate-document';

/**
 * A realistic certificate (two products, a signed-token-length verification URL) for the
 * specs and the benchmark. The organizations are made up; the credit code has a valid
 * GB 32100-2015 check character.
 */
export function sampleCertificate(overrides: Partial<CertificateDocument> = {}): CertificateDocument {
  return {
    number: 'SZS-C-2026-000127-K',
    status: 'valid',
    holder: {
      nameZh: '深圳市华强智联科技有限公司',
      nameEn: 'Shenzhen Huaqiang Zhilian Technology Co., Ltd.',
      creditCode: '91440300MA5G7QH2WN',
      address: '深圳市南山区粤海街道科技园社区科苑路15号科兴科学园B栋3单元1801室',
    },
    certificationBody: {
      nameZh: '鹏城质量认证中心有限公司',
      nameEn: 'Pengcheng Quality Certification Centre Co., Ltd.',
      accreditationNumber: 'CNCA-R-2019-461',
    },
    category: { code: 'ELECTRONICS', nameZh: '电子信息产品', nameEn: 'Electronic information products' },
    standard: {
      code: 'T/SZS 4001-2024',
      version: '2024',
      titleZh: '智能手机 深圳标准评价规范',
      titleEn: 'Smartphones — Shenzhen Standard evaluation specification',
    },
    scope: {
      kind: 'products',
      products: [
        {
          nameZh: '智能手机',
          nameEn: 'Smartphone',
          brand: '华强智联 HQZL',
          models: ['HQ-X10', 'HQ-X10 Pro', 'HQ-X10 Lite'],
          factoryAddress: '广东省东莞市松山湖高新技术产业开发区工业北路6号',
        },
        {
          nameZh: '智能手表',
          nameEn: 'Smart watch',
          brand: '华强智联 HQZL',
          models: ['HQ-W3', 'HQ-W3 Sport'],
          factoryAddress: '广东省惠州市仲恺高新区和畅五路西12号',
        },
      ],
    },
    issuedOn: '2026-11-26',
    expiresOn: '2029-11-25',
    verificationUrl:
      'http://localhost:3000/verify?t=eyJhbGciOiJFZERTQSIsImtpZCI6InJZcTdWZ3BNbjJ4S0RhUTEifQ.eyJ0IjoiYyIsIm4iOiJTWlMtQy0yMDI2LTAwMDEyNy1LIiwiaWF0IjoxNzY0MTkwMDAwfQ.q0c2VhbX3n8oRkQf1lQeJkP0s8r2C5m7b9X1yZ4aT6uW0eD3fG5hJ7kL9nP1qR3sT5vX7zB9cE1gI3kM5oQ7sQ',
    ...overrides,
  };
}
