import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { CERTIFICATE_ACTION_LABELS, labelOf, MEDIA_LABELS, PUBLIC_REASON_LABELS } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { CertificateChanges } from './CertificateChanges';
import { CertificateLifecycle } from './CertificateLifecycle';
import { RequestMarkGrant } from './RequestMarkGrant';
import { VoluntarySuspension } from './VoluntarySuspension';
import { SurveillanceCard } from '../../../shared/certificates/SurveillanceCard';

type Certificate = Schemas['CertificateView'];
type HistoryEntry = Schemas['CertificateHistoryEntry'];
type GrantSummary = Schemas['MarkGrantSummary'];

const messages = defineMessages({
  zh: {
    title: '证书 {number}',
    back: '返回证书列表',
    holder: '持证人',
    body: '认证机构',
    category: '产品类别',
    standard: '标准',
    issuedOn: '颁发日期',
    expiresOn: '有效期至',
    status: '状态',
    pdf: '下载证书 PDF',
    pdfPending: '证书 PDF 正在生成，请稍后刷新。',
    scope: '认证范围',
    product: '产品名称',
    brand: '品牌',
    models: '型号',
    factory: '生产地址',
    service: '服务名称',
    site: '服务场所',
    address: '地址',
    history: '状态记录',
    at: '时间',
    action: '变更',
    change: '状态变化',
    reason: '原因',
    grants: '认证标志使用',
    grant: '标志使用申请',
    media: '载体',
    requestedAt: '申请时间',
    noGrants: '尚未申请使用认证标志',
    view: '查看',
    cancel: '注销证书',
    cancelTitle: '确认注销证书 {number}？',
    cancelBody: '注销后证书不可恢复，其下所有认证标志使用授权将一并撤销，公开查询中将显示为「注销」。',
    cancelConfirm: '确认注销',
    keep: '暂不注销',
    cancelled: '证书已注销。',
  },
  en: {
    title: 'Certificate {number}',
    back: 'Back to the certificates',
    holder: 'Holder',
    body: 'Certification body',
    category: 'Category',
    standard: 'Standard',
    issuedOn: 'Issued on',
    expiresOn: 'Valid until',
    status: 'Status',
    pdf: 'Download PDF',
    pdfPending: 'The PDF is being rendered: reload in a moment.',
    scope: 'Scope',
    product: 'Product',
    brand: 'Brand',
    models: 'Models',
    factory: 'Factory address',
    service: 'Service',
    site: 'Site',
    address: 'Address',
    history: 'Status history',
    at: 'When',
    action: 'Change',
    change: 'From → to',
    reason: 'Reason',
    grants: 'Mark grants',
    grant: 'Mark grant',
    media: 'Media',
    requestedAt: 'Requested',
    noGrants: 'No use of the mark requested yet',
    view: 'Open',
    cancel: 'Cancel the certificate',
    cancelTitle: 'Cancel certificate {number}?',
    cancelBody: 'A cancelled certificate cannot be restored; all its mark grants are revoked, and the public registry shows it as cancelled.',
    cancelConfirm: 'Cancel it',
    keep: 'Keep it',
    cancelled: 'The certificate is cancelled.',
  },
});

function CancelCertificate({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/certificates/{id}/cancel', { params: { path: { id: certificate.id } }, body: {} })),
    onSuccess: async (updated) => {
      queries.setQueryData(['certificate', certificate.id], updated);
      await Promise.all([queries.invalidateQueries({ queryKey: ['certificates'] }), queries.invalidateQueries({ queryKey: ['mark-grants'] })]);
      setOpen(false);
    },
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('cancel')}
      </Button>
      <Modal
        open={open}
        title={t('cancelTitle', { number: certificate.number })}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('keep')}</Button>
            <Button danger type="primary" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('cancelConfirm')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('cancelBody')}</Typography.Paragraph>
          {cancel.error && <Alert type="error" role="alert" showIcon title={sentence(cancel.error)} />}
        </Space>
      </Modal>
    </>
  );
}

function CertificateDetail({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const name = (ref: { nameZh: string; nameEn: string | null }) => (language === 'en' && ref.nameEn) || ref.nameZh;
  const scope = certificate.scope;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/certificates">← {t('back')}</Link>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title', { number: certificate.number })}
        </Typography.Title>
        <StatusTag family="certificate" status={certificate.status} />
      </Space>
      {certificate.status === 'cancelled' && <Alert type="info" showIcon title={t('cancelled')} />}
      <Space wrap>
        {certificate.pdfReady ? (
          <Button icon={<FilePdfOutlined />} href={`/api/v1/certificates/${certificate.id}/pdf`} download>
            {t('pdf')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('pdfPending')}</Typography.Text>
        )}
        {certificate.status === 'valid' && hasRole(session, 'enterprise_admin', 'enterprise_member') && <RequestMarkGrant certificate={certificate} />}
        {(certificate.status === 'valid' || certificate.status === 'suspended') && hasRole(session, 'enterprise_admin') && (
          <CancelCertificate certificate={certificate} />
        )}
      </Space>
      {hasRole(session, 'enterprise_admin') && <VoluntarySuspension certificate={certificate} />}
      {hasRole(session, 'enterprise_admin') && <CertificateChanges certificate={certificate} />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('holder')}>{name(certificate.holder)}</Descriptions.Item>
          <Descriptions.Item label={t('body')}>{name(certificate.certificationBody)}</Descriptions.Item>
          <Descriptions.Item label={t('category')}>{name(certificate.category)}</Descriptions.Item>
          <Descriptions.Item label={t('standard')}>
            {certificate.standard.code}-{certificate.standard.version} {(language === 'en' && certificate.standard.titleEn) || certificate.standard.titleZh}
          </Descriptions.Item>
          <Descriptions.Item label={t('issuedOn')}>{formatDate(certificate.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('expiresOn')}>{formatDate(certificate.expiresOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <SurveillanceCard certificate={certificate} />
      <CertificateLifecycle certificate={certificate} />
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('scope')}
          </Typography.Title>
        }
      >
        {scope.kind === 'products' ? (
          <Table
            rowKey={(p) => `${p.nameZh}|${p.brand}|${p.models.join(',')}`}
            size="small"
            pagination={false}
            dataSource={scope.products ?? []}
            columns={[
              { title: t('product'), key: 'name', render: (_, p) => (language === 'en' && p.nameEn) || p.nameZh },
              { title: t('brand'), dataIndex: 'brand' },
              { title: t('models'), dataIndex: 'models', render: (models: string[]) => models.join(', ') },
              { title: t('factory'), dataIndex: 'factoryAddress' },
            ]}
          />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {t('service')}: {(language === 'en' && scope.service?.nameEn) || scope.service?.nameZh}
            </Typography.Text>
            <Table
              rowKey={(s) => `${s.name}|${s.address}`}
              size="small"
              pagination={false}
              dataSource={scope.service?.sites ?? []}
              columns={[
                { title: t('site'), dataIndex: 'name' },
                { title: t('address'), dataIndex: 'address' },
              ]}
            />
          </Space>
        )}
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('grants')}
          </Typography.Title>
        }
      >
        <Table<GrantSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={certificate.markGrants}
          locale={{ emptyText: t('noGrants') }}
          columns={[
            {
              title: t('grant'),
              key: 'link',
              render: (_, g) => <Link to={`/marks/${g.id}`}>{`${t('view')} · ${g.products.map((p) => p.model).join(', ')}`}</Link>,
            },
            { title: t('status'), dataIndex: 'status', render: (s: GrantSummary['status']) => <StatusTag family="markGrant" status={s} /> },
            {
              title: t('media'),
              dataIndex: 'media',
              render: (media: GrantSummary['media']) => media.map((m) => labelOf(MEDIA_LABELS, m, language)).join('、'),
            },
            { title: t('requestedAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
          ]}
        />
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('history')}
          </Typography.Title>
        }
      >
        <Table<HistoryEntry>
          rowKey={(h) => `${h.at}|${h.action}`}
          size="small"
          pagination={false}
          dataSource={certificate.history}
          columns={[
            { title: t('at'), dataIndex: 'at', render: (d: string) => formatDateTime(d) },
            { title: t('action'), dataIndex: 'action', render: (a: string) => labelOf(CERTIFICATE_ACTION_LABELS, a, language) },
            {
              title: t('change'),
              key: 'change',
              render: (_, h) => (
                <Space size={4}>
                  {h.from && <StatusTag family="certificate" status={h.from} />}
                  {h.from && '→'}
                  <StatusTag family="certificate" status={h.to} />
                </Space>
              ),
            },
            {
              title: t('reason'),
              key: 'reason',
              // A scope change names its models beside the reason.
              render: (_, h) => {
                const models = Array.isArray(h.details?.models) ? (h.details.models as string[]).join(', ') : null;
                const reason = h.publicReason ? labelOf(PUBLIC_REASON_LABELS, h.publicReason, language) : null;
                return [reason, models].filter(Boolean).join(' · ') || '—';
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}

export function CertificateDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['certificate', id], queryFn: () => unwrap(api.GET('/api/v1/certificates/{id}', { params: { path: { id } } })) });
  return <QueryState query={query}>{(certificate) => <CertificateDetail certificate={certificate} />}</QueryState>;
}
