import { randomBytes } from 'node:crypto';
import { TestUser, member, organization } from './actors';
import type { components } from './api-types';
import type { TestApi } from './http';

const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** A category with one Shenzhen standard, a published catalogue entry and an authorized certification body. */
export interface SchemeWorld {
  categoryCode: string;
  standardId: string;
  entryId: string;
  batchId: string;
  cbAdmin: TestUser;
  reviewer: TestUser;
  certificationBodyId: string;
}

export async function schemeWorld(api: TestApi, reg: TestUser): Promise<SchemeWorld> {
  const t = tag();
  const categoryCode = `T${t}`;
  await api.post('/api/v1/categories', {
    auth: reg.auth,
    expect: 201,
    body: { code: categoryCode, nameZh: `测试类别${t}`, nameEn: `Test category ${t}`, pilot: false },
  });
  const { body: standard } = await api.post('/api/v1/standards', {
    auth: reg.auth,
    expect: 201,
    body: {
      code: `SZDB/Z ${t}`,
      version: '2026',
      titleZh: '智能手机 深圳标准评价规范',
      titleEn: 'Smartphones — Shenzhen Standard evaluation specification',
      kind: 'shenzhen',
      issuer: '深圳市市场监督管理局',
      categoryCodes: [categoryCode],
      requirements: [
        { clause: '5.1', textZh: '待机时间', kind: 'measured', unit: 'h', min: 72, critical: true, parameterZh: '待机时间', parameterEn: 'Standby time' },
        { clause: '5.2', textZh: '跌落试验无功能失效', kind: 'pass_fail', critical: true, parameterZh: '跌落试验', parameterEn: 'Drop test' },
      ],
    },
  });
  await accreditTestLaboratory(api, reg, standard.code);
  const { body: batch } = await api.post('/api/v1/catalogue/batches', { auth: reg.auth, expect: 201, body: { number: `T-${t}`, titleZh: `测试目录${t}` } });
  const { body: entry } = await api.post('/api/v1/catalogue/batches/{id}/entries', {
    params: { id: batch.id },
    auth: reg.auth,
    expect: 201,
    body: {
      categoryCode,
      kind: 'product',
      nameZh: '智能手机',
      nameEn: 'Smartphones',
      evaluationRules: '按 SZDB/Z 评价细则进行工厂检查和产品检测',
      standardIds: [standard.id],
    },
  });
  await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batch.id }, auth: reg.auth, expect: 200 });
  const cbAdmin = await organization(api, reg, 'certification_body');
  await api.post('/api/v1/authorizations', {
    auth: reg.auth,
    expect: 201,
    body: {
      certificationBodyId: cbAdmin.organizationId,
      categoryCode,
      accreditationNumber: `CNAS C${t}`,
      validFrom: '2025-01-01',
      validUntil: '2030-12-31',
    },
  });
  const reviewer = await member(api, cbAdmin, ['reviewer']);
  return {
    categoryCode,
    standardId: standard.id,
    entryId: entry.id,
    batchId: batch.id,
    cbAdmin,
    reviewer,
    certificationBodyId: cbAdmin.organizationId,
  };
}

/** The laboratory of the suites' test reports (TEST_REPORT in case.ts). */
export const TEST_LABORATORY = { cnasNumber: 'L0235', nameZh: '深圳市计量质量检测研究院', nameEn: 'Shenzhen Academy of Metrology and Quality Inspection' };

/**
 * L0235 in the register (added by the first suite that needs it, kept for the run's database), accredited
 * 2020–2035 for the whole of `standardCode` (a scope line without a clause): every clause of the
 * standard, including versions and clauses a suite adds later, can be reported by it.
 */
export async function accreditTestLaboratory(api: TestApi, reg: TestUser, standardCode: string): Promise<string> {
  const find = async () =>
    (await api.get('/api/v1/laboratories', { auth: reg.auth, query: { q: TEST_LABORATORY.cnasNumber }, expect: 200 })).body.items.find(
      (l) => l.cnasNumber === TEST_LABORATORY.cnasNumber,
    )?.id;
  // The suites run one after another (runInBand): the first to need it adds it.
  const id =
    (await find()) ??
    (
      await api.post('/api/v1/laboratories', {
        auth: reg.auth,
        expect: 201,
        body: { ...TEST_LABORATORY, address: '深圳市南山区龙珠大道4号', accreditedFrom: '2020-01-01', accreditedUntil: '2035-12-31', scopeLines: [] },
      })
    ).body.id;
  await api.post('/api/v1/laboratories/{id}/scope-lines', {
    params: { id },
    auth: reg.auth,
    expect: 200,
    body: { scopeLines: [{ objectTested: '测试产品', parameterZh: '全部检测项目', standardCode }] },
  });
  return id;
}

export const MODELS = ['HQ-X1', 'HQ-X1 Pro'];

/** The commitment to truthfulness a self-declaration is published with (承诺). */
export const COMMITMENT = { text: '本企业承诺：所公开的标准及指标真实有效，产品按所声明的标准组织生产，并对声明内容的真实性负责。' };

/** An enterprise with a published self-declaration of the world's standard. */
export async function declaringEnterprise(api: TestApi, reg: TestUser, world: SchemeWorld): Promise<{ admin: TestUser; declarationId: string }> {
  const admin = await organization(api, reg, 'enterprise');
  const { body: declaration } = await api.post('/api/v1/self-declarations', {
    auth: admin.auth,
    expect: 201,
    body: {
      standardId: world.standardId,
      productNameZh: '智能手机',
      productNameEn: 'Smartphone',
      models: MODELS,
      keyIndicators: [{ name: '待机时间', value: '80', unit: 'h' }],
      commitment: COMMITMENT,
    },
  });
  return { admin, declarationId: declaration.id };
}

export function productScope(models = MODELS, nameZh = '智能手机'): components['schemas']['ScopeDto'] {
  return {
    kind: 'products',
    products: [{ nameZh, nameEn: 'Smartphone', brand: '华强', models, factoryAddress: '深圳市宝安区福永街道华强工业园3栋' }],
  };
}
