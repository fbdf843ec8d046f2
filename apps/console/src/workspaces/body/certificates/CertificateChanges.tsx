import { useQuery } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, Row, Select, Table, Typography, type TableColumnsType } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, PUBLIC_REASON_LABELS, type Labels } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { CaseActionForm } from '../../../shared/complaints/CaseActionForm';
import { formatDateTime } from '../../../shared/dates';

type Certificate = Schemas['CertificateView'];
type Edition = Schemas['CertificateEditionView'];
type ChangedField = Schemas['ReissueDto']['changedFields'][number];
type Reason = Schemas['ScopeReductionDto']['reason'];

const CHANGED_FIELDS: Labels = {
  'holder.nameZh': { zh: '持证人中文名称', en: 'Holder’s Chinese name' },
  'holder.nameEn': { zh: '持证人英文名称', en: 'Holder’s English name' },
  'holder.address': { zh: '持证人地址', en: 'Holder’s address' },
  'holder.factory': { zh: '生产厂', en: 'Factory' },
  'certificationBody.nameZh': { zh: '认证机构中文名称', en: 'Body’s Chinese name' },
  'certificationBody.nameEn': { zh: '认证机构英文名称', en: 'Body’s English name' },
  'certificationBody.accreditation': { zh: '认证机构认可信息', en: 'Body’s accreditation' },
  scope: { zh: '认证范围', en: 'Scope' },
  standard: { zh: '标准', en: 'Standard' },
};
const REDUCTION_REASONS: Reason[] = ['holder_request', 'nonconforming_product', 'surveillance_failed', 'misuse_of_mark', 'other'];

const messages = defineMessages({
  zh: {
    changes: '证书变更',
    reissue: '换发新版证书',
    reissueText: '持证人或认证机构的信息变化后，换发下一版证书（新的 PDF 和二维码），旧版仍可下载。',
    reason: '原因',
    reasonRequired: '请写明原因',
    changedFields: '变化的内容',
    changedRequired: '请至少选择一项',
    reissueSubmit: '换发新版',
    reissued: '已换发，新版证书稍后生成。',
    reduce: '缩小认证范围',
    reduceText: '把型号移出认证范围：相关的标志使用随之终止，公开记录显示型号和原因。',
    models: '移出的型号',
    modelsRequired: '请选择型号',
    publicReason: '公开原因',
    publicReasonRequired: '请选择公开原因',
    privateNote: '内部备注（不公开，可选）',
    reduceSubmit: '缩小范围',
    reduced: '认证范围已缩小。',
    transition: '换版审核',
    transitionText: '证书所依据的标准已被新版本替代时，安排一次针对新版变化要求的审核。没有换版时系统会拒绝并说明。',
    transitionSubmit: '安排换版审核',
    transitionDone: '换版审核正在安排。',
    editions: '证书版本',
    edition: '版本',
    issuedAt: '签发时间',
    current: '当前版本',
    pdf: 'PDF',
    download: '下载第 {edition} 版',
  },
  en: {
    changes: 'Changes to the certificate',
    reissue: 'Re-issue as a new edition',
    reissueText: 'After a change of the holder or the body, issue the next edition (a new PDF and QR code); the earlier ones stay downloadable.',
    reason: 'Reason',
    reasonRequired: 'Give the reason',
    changedFields: 'What changed',
    changedRequired: 'Choose at least one',
    reissueSubmit: 'Re-issue',
    reissued: 'Re-issued; the new edition is rendered shortly.',
    reduce: 'Reduce the scope',
    reduceText: 'Take models out of the scope: their mark grants end, and the public history shows the models and the reason.',
    models: 'Models to take out',
    modelsRequired: 'Choose the models',
    publicReason: 'Public reason',
    publicReasonRequired: 'Choose the public reason',
    privateNote: 'Private note (never public, optional)',
    reduceSubmit: 'Reduce the scope',
    reduced: 'The scope is reduced.',
    transition: 'Transition audit',
    transitionText:
      'When the certificate’s standard is superseded by a new version, plan the audit of the new version’s changed requirements. Without a transition the platform refuses, saying why.',
    transitionSubmit: 'Plan the transition audit',
    transitionDone: 'The transition audit is being planned.',
    editions: 'Editions',
    edition: 'Edition',
    issuedAt: 'Issued',
    current: 'Current',
    pdf: 'PDF',
    download: 'Download edition {edition}',
  },
});

/** The body's changes to a certificate (re-issue, scope reduction, transition audit) and its editions. */
export function CertificateChanges({ cert }: { cert: Certificate }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const caseKey = ['certificate', cert.id] as const;
  const path = { params: { path: { id: cert.id } } };
  const live = cert.status === 'valid' || cert.status === 'suspended';
  const manager = hasRole(session, 'cb_admin', 'decision_maker');
  const editions = useQuery({
    queryKey: ['certificate', cert.id, 'editions'],
    queryFn: () => unwrap(api.GET('/api/v1/certificates/{id}/editions', path)),
  });
  const models = [...new Set((cert.scope.products ?? []).flatMap((p) => p.models))];
  const columns: TableColumnsType<Edition> = [
    { title: t('edition'), dataIndex: 'edition', render: (e: number, row) => (row.current ? `${e} (${t('current')})` : e) },
    { title: t('issuedAt'), dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v) },
    { title: t('reason'), dataIndex: 'reason' },
    { title: t('changedFields'), dataIndex: 'changedFields', render: (f: string[]) => f.map((x) => labelOf(CHANGED_FIELDS, x, language)).join(', ') || '—' },
    {
      title: t('pdf'),
      key: 'pdf',
      render: (_, row) => (
        <Typography.Link href={`/api/v1/certificates/${cert.id}/editions/${row.edition}/pdf`} download>
          {t('download', { edition: row.edition })}
        </Typography.Link>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('changes')}
      </Typography.Title>
      {manager && live && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <CaseActionForm<{ reason: string; changedFields: ChangedField[] }>
              name="reissue"
              title={t('reissue')}
              submit={t('reissueSubmit')}
              done={t('reissued')}
              caseKey={caseKey}
              before={<Typography.Paragraph type="secondary">{t('reissueText')}</Typography.Paragraph>}
              onSubmit={(v) => unwrap(api.POST('/api/v1/certificates/{id}/reissue', { ...path, body: { ...v, reason: v.reason.trim() } }))}
            >
              <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
                <Input maxLength={500} />
              </Form.Item>
              {/* A validator, not `required`: Ant Design would put aria-required on the group's div, which axe refuses. */}
              <Form.Item
                name="changedFields"
                label={t('changedFields')}
                rules={[{ validator: (_, v?: string[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('changedRequired')))) }]}
              >
                <Checkbox.Group options={Object.keys(CHANGED_FIELDS).map((f) => ({ value: f, label: labelOf(CHANGED_FIELDS, f, language) }))} />
              </Form.Item>
            </CaseActionForm>
          </Col>
          <Col xs={24} lg={12}>
            {models.length > 1 && (
              <CaseActionForm<{ models: string[]; reason: Reason; privateNote?: string }>
                name="reduce"
                title={t('reduce')}
                submit={t('reduceSubmit')}
                done={t('reduced')}
                caseKey={caseKey}
                danger
                before={<Typography.Paragraph type="secondary">{t('reduceText')}</Typography.Paragraph>}
                onSubmit={(v) =>
                  unwrap(api.POST('/api/v1/certificates/{id}/scope-reduction', { ...path, body: { ...v, privateNote: v.privateNote?.trim() || undefined } }))
                }
              >
                <Form.Item name="models" label={t('models')} rules={[{ required: true, message: t('modelsRequired') }]}>
                  <Select mode="multiple" options={models.map((m) => ({ value: m, label: m }))} />
                </Form.Item>
                <Form.Item name="reason" label={t('publicReason')} rules={[{ required: true, message: t('publicReasonRequired') }]}>
                  <Select options={REDUCTION_REASONS.map((r) => ({ value: r, label: labelOf(PUBLIC_REASON_LABELS, r, language) }))} />
                </Form.Item>
                <Form.Item name="privateNote" label={t('privateNote')}>
                  <Input.TextArea rows={2} maxLength={4000} />
                </Form.Item>
              </CaseActionForm>
            )}
            {hasRole(session, 'cb_admin') && (
              <CaseActionForm<object>
                name="transition"
                title={t('transition')}
                submit={t('transitionSubmit')}
                done={t('transitionDone')}
                caseKey={caseKey}
                before={<Typography.Paragraph type="secondary">{t('transitionText')}</Typography.Paragraph>}
                onSubmit={() => unwrap(api.POST('/api/v1/certificates/{id}/transition-audit', path))}
              />
            )}
          </Col>
        </Row>
      )}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('editions')}
      </Typography.Title>
      <Table<Edition> size="small" rowKey="edition" loading={editions.isPending} columns={columns} dataSource={editions.data ?? []} pagination={false} />
    </>
  );
}
