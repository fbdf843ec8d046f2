import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { CASE_ACTION_LABELS, labelOf, MEDIA_LABELS, PUBLIC_REASON_LABELS } from '../../../i18n/labels';
import { CertificateChanges } from './CertificateChanges';
import { CertificateDecisions } from './CertificateDecisions';
import { SurveillanceCard } from '../../../shared/certificates/SurveillanceCard';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { ActionModal } from '../applications/ActionModal';

type Certificate = Schemas['CertificateView'];
type HistoryEntry = Certificate['history'][number];
type Grant = Certificate['markGrants'][number];
type PublicReason = Schemas['StatusChangeDto']['publicReason'];
/** The API's categories of public reasons, in its order. */
const PUBLIC_REASONS: PublicReason[] = [
  'surveillance_failed',
  'surveillance_not_performed',
  'nonconforming_product',
  'misuse_of_mark',
  'holder_request',
  'suspension_not_lifted',
  'other',
];

const messages = defineMessages({
  zh: {
    list: '证书',
    title: '证书 {number}',
    holder: '持证人',
    creditCode: '统一社会信用代码',
    category: '类别',
    standard: '标准',
    issuedOn: '发证日期',
    expiresOn: '有效期至',
    application: '申请',
    openApplication: '查看申请',
    pdf: '证书文件',
    downloadPdf: '下载 PDF',
    pdfPending: 'PDF 生成中',
    actions: '证书状态管理',
    noActions: '当前状态下您没有可执行的操作。',
    suspend: '暂停证书',
    restore: '恢复证书',
    withdraw: '撤销证书',
    publicReason: '公开原因类别',
    publicReasonRequired: '请选择公开原因',
    privateNote: '内部备注（不公开）',
    suspendExplain: '暂停后证书在公开查询中显示为“暂停”，其标志使用随之暂停。公开原因会显示在公开记录中，内部备注仅本机构可见。',
    restoreExplain: '恢复后证书重新有效，被暂停的标志使用恢复为已批准。',
    withdrawExplain: '撤销是终结状态，不能恢复；其标志使用全部撤销。公开原因会显示在公开记录中。',
    done: '已完成：{action}',
    history: '状态记录',
    at: '时间',
    action: '操作',
    change: '状态变化',
    reason: '公开原因',
    note: '内部备注',
    markGrants: '标志使用',
    products: '产品',
    media: '使用媒介',
    status: '状态',
    requestedAt: '申请时间',
    decidedAt: '决定时间',
    grantReason: '决定理由',
    noGrants: '没有标志使用申请',
    certWithdraw: '撤销',
  },
  en: {
    list: 'Certificates',
    title: 'Certificate {number}',
    holder: 'Holder',
    creditCode: 'Unified social credit code',
    category: 'Category',
    standard: 'Standard',
    issuedOn: 'Issued on',
    expiresOn: 'Valid until',
    application: 'Application',
    openApplication: 'View the application',
    pdf: 'Certificate document',
    downloadPdf: 'Download the PDF',
    pdfPending: 'The PDF is being generated',
    actions: 'Certificate status',
    noActions: 'There is no action for you in this state.',
    suspend: 'Suspend',
    restore: 'Restore',
    withdraw: 'Withdraw',
    publicReason: 'Public reason category',
    publicReasonRequired: 'Choose the public reason',
    privateNote: 'Private note (never public)',
    suspendExplain:
      'A suspended certificate shows as suspended in the public registry and its mark grants are suspended with it. The public reason is in the public history; the private note only this body reads.',
    restoreExplain: 'The certificate becomes valid again and its suspended mark grants are granted again.',
    withdrawExplain: 'Withdrawing is final and cannot be restored; all its mark grants are revoked. The public reason is in the public history.',
    done: 'Done: {action}',
    history: 'History',
    at: 'When',
    action: 'Action',
    change: 'Change',
    reason: 'Public reason',
    note: 'Private note',
    markGrants: 'Mark grants',
    products: 'Products',
    media: 'Media',
    status: 'Status',
    requestedAt: 'Requested',
    decidedAt: 'Decided',
    grantReason: 'Reason',
    noGrants: 'No mark grant requested',
    certWithdraw: 'Withdrawn',
  },
});

type Dialog = 'suspend' | 'restore' | 'withdraw' | null;
interface StatusChange {
  publicReason: PublicReason;
  privateNote?: string;
}

export default function CertificatePage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);

  const query = useQuery({ queryKey: ['certificate', id], queryFn: () => unwrap(api.GET('/api/v1/certificates/{id}', { params: { path: { id } } })) });

  const settle = {
    onSuccess: async () => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['certificate', id] }),
        queries.invalidateQueries({ queryKey: ['certificates'] }),
        queries.invalidateQueries({ queryKey: ['mark-grants'] }),
        queries.invalidateQueries({ queryKey: ['worklist'] }),
      ]);
    },
    // A refusal (someone else changed it first) reloads the certificate so the page shows what it is now.
    onError: () => void queries.invalidateQueries({ queryKey: ['certificate', id] }),
  };
  const clean = (v: StatusChange) => ({ publicReason: v.publicReason, ...(v.privateNote?.trim() ? { privateNote: v.privateNote.trim() } : {}) });
  const suspend = useMutation({
    mutationFn: (v: StatusChange) => unwrap(api.POST('/api/v1/certificates/{id}/suspend', { params: { path: { id } }, body: clean(v) })),
    ...settle,
  });
  const withdraw = useMutation({
    mutationFn: (v: StatusChange) => unwrap(api.POST('/api/v1/certificates/{id}/withdraw', { params: { path: { id } }, body: clean(v) })),
    ...settle,
  });
  const restore = useMutation({
    mutationFn: (v: { privateNote?: string }) =>
      unwrap(
        api.POST('/api/v1/certificates/{id}/restore', { params: { path: { id } }, body: v.privateNote?.trim() ? { privateNote: v.privateNote.trim() } : {} }),
      ),
    ...settle,
  });

  const manager = hasRole(session, 'cb_admin', 'decision_maker');
  const reasonOptions = PUBLIC_REASONS.map((r) => ({ value: r, label: labelOf(PUBLIC_REASON_LABELS, r, language) }));
  const actionName = (entry: HistoryEntry) => (entry.action === 'withdraw' ? t('certWithdraw') : labelOf(CASE_ACTION_LABELS, entry.action, language));

  const historyColumns: TableColumnsType<HistoryEntry> = [
    { title: t('at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    { title: t('action'), dataIndex: 'action', render: (_, e) => actionName(e) },
    {
      title: t('change'),
      key: 'change',
      render: (_, e) => (
        <Space size={4}>
          {e.from && <StatusTag family="certificate" status={e.from} />}→<StatusTag family="certificate" status={e.to} />
        </Space>
      ),
    },
    { title: t('reason'), dataIndex: 'publicReason', render: (r: string | null) => (r ? labelOf(PUBLIC_REASON_LABELS, r, language) : '—') },
    { title: t('note'), dataIndex: 'privateNote', render: (n: string | null | undefined) => n ?? '—' },
  ];
  const grantColumns: TableColumnsType<Grant> = [
    { title: t('products'), key: 'products', render: (_, g) => g.products.map((p) => `${p.nameZh} ${p.brand} ${p.model}`).join('; ') },
    { title: t('media'), dataIndex: 'media', render: (m: string[]) => m.map((x) => labelOf(MEDIA_LABELS, x, language)).join(language === 'zh' ? '、' : ', ') },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="markGrant" status={s} /> },
    { title: t('requestedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('decidedAt'), dataIndex: 'decidedAt', render: (v: string | null) => formatDateTime(v) },
    { title: t('grantReason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
  ];

  return (
    <QueryState query={query}>
      {(cert) => {
        const canSuspend = manager && cert.status === 'valid';
        const canRestore = manager && cert.status === 'suspended';
        const canWithdraw = manager && (cert.status === 'valid' || cert.status === 'suspended');
        return (
          <>
            <Breadcrumb items={[{ title: <Link to="/certificates">{t('list')}</Link> }, { title: cert.number }]} />
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 12 }}>
              {t('title', { number: cert.number })} <StatusTag family="certificate" status={cert.status} />
            </Typography.Title>

            {manager && (
              <Card title={t('actions')} size="small" style={{ marginBottom: 16 }}>
                {done && <Alert type="success" showIcon role="status" title={t('done', { action: done })} style={{ marginBottom: 12 }} />}
                {canSuspend || canRestore || canWithdraw ? (
                  <Space wrap>
                    {canSuspend && <Button onClick={() => setDialog('suspend')}>{t('suspend')}</Button>}
                    {canRestore && (
                      <Button type="primary" onClick={() => setDialog('restore')}>
                        {t('restore')}
                      </Button>
                    )}
                    {canWithdraw && (
                      <Button danger onClick={() => setDialog('withdraw')}>
                        {t('withdraw')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
                )}
              </Card>
            )}

            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('holder')}>{language === 'en' && cert.holder.nameEn ? cert.holder.nameEn : cert.holder.nameZh}</Descriptions.Item>
              <Descriptions.Item label={t('creditCode')}>{cert.holder.creditCode}</Descriptions.Item>
              <Descriptions.Item label={t('category')}>
                {language === 'en' && cert.category.nameEn ? cert.category.nameEn : cert.category.nameZh}
              </Descriptions.Item>
              <Descriptions.Item label={t('standard')}>
                {cert.standard.code}-{cert.standard.version}
              </Descriptions.Item>
              <Descriptions.Item label={t('issuedOn')}>{formatDate(cert.issuedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('expiresOn')}>{formatDate(cert.expiresOn)}</Descriptions.Item>
              <Descriptions.Item label={t('application')}>
                <Link to={`/applications/${cert.applicationId}`}>{t('openApplication')}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('pdf')}>
                {cert.pdfReady ? (
                  <Typography.Link href={`/api/v1/certificates/${cert.id}/pdf`} download>
                    {t('downloadPdf')}
                  </Typography.Link>
                ) : (
                  t('pdfPending')
                )}
              </Descriptions.Item>
            </Descriptions>

            <CertificateDecisions certificate={cert} />
            <SurveillanceCard certificate={cert} auditLink={(auditId) => `/audits/${auditId}`} />

            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('history')}
            </Typography.Title>
            <Table<HistoryEntry> size="small" rowKey={(e) => `${e.at}-${e.action}`} columns={historyColumns} dataSource={cert.history} pagination={false} />

            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
              {t('markGrants')}
            </Typography.Title>
            <Table<Grant>
              size="small"
              rowKey="id"
              columns={grantColumns}
              dataSource={cert.markGrants}
              pagination={false}
              locale={{ emptyText: t('noGrants') }}
            />

            <CertificateChanges cert={cert} />

            <ActionModal<StatusChange>
              open={dialog === 'suspend'}
              title={t('suspend')}
              okText={t('suspend')}
              danger
              explanation={t('suspendExplain')}
              onSubmit={async (v) => {
                await suspend.mutateAsync(v);
                setDone(t('suspend'));
              }}
              onClose={() => setDialog(null)}
            >
              <StatusChangeFields options={reasonOptions} labels={t} />
            </ActionModal>
            <ActionModal<StatusChange>
              open={dialog === 'withdraw'}
              title={t('withdraw')}
              okText={t('withdraw')}
              danger
              explanation={t('withdrawExplain')}
              onSubmit={async (v) => {
                await withdraw.mutateAsync(v);
                setDone(t('withdraw'));
              }}
              onClose={() => setDialog(null)}
            >
              <StatusChangeFields options={reasonOptions} labels={t} />
            </ActionModal>
            <ActionModal<{ privateNote?: string }>
              open={dialog === 'restore'}
              title={t('restore')}
              okText={t('restore')}
              explanation={t('restoreExplain')}
              onSubmit={async (v) => {
                await restore.mutateAsync(v);
                setDone(t('restore'));
              }}
              onClose={() => setDialog(null)}
            >
              <Form.Item name="privateNote" label={t('privateNote')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </ActionModal>
          </>
        );
      }}
    </QueryState>
  );
}

function StatusChangeFields({
  options,
  labels: t,
}: {
  options: { value: string; label: string }[];
  labels: (key: 'publicReason' | 'publicReasonRequired' | 'privateNote') => string;
}) {
  return (
    <>
      <Form.Item name="publicReason" label={t('publicReason')} rules={[{ required: true, message: t('publicReasonRequired') }]}>
        <Select options={options} />
      </Form.Item>
      <Form.Item name="privateNote" label={t('privateNote')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}
