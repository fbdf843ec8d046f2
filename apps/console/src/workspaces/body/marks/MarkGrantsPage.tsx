import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, MEDIA_LABELS, STATUS_LABELS } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { ActionModal } from '../applications/ActionModal';

type Grant = Schemas['MarkGrantView'];
type Status = Grant['status'];

const FILTERS = ['status'] as const;
const STATUSES: Status[] = ['requested', 'granted', 'refused', 'suspended', 'revoked'];
const ALL = 'all';
/** The list opens on the requests that wait for a decision. */
const DEFAULT_STATUS: Status = 'requested';

const messages = defineMessages({
  zh: {
    title: '标志使用申请',
    status: '状态',
    all: '全部状态',
    certificate: '证书',
    products: '产品',
    media: '使用媒介',
    requestedAt: '申请时间',
    decidedAt: '决定时间',
    reason: '理由',
    actions: '操作',
    grant: '批准使用',
    refuse: '拒绝使用',
    grantOf: '批准使用：{number}',
    refuseOf: '拒绝使用：{number}',
    grantReason: '批准说明（可选）',
    refuseReason: '拒绝理由',
    reasonRequired: '请写明拒绝理由',
    grantExplain: '批准后企业可以在所列产品和媒介上使用认证标志，并可申请标签。证书须处于有效状态。',
    refuseExplain: '理由会告知企业。',
    done: '已完成：{action}',
    empty: '没有符合条件的标志使用申请',
    readOnly: '批准或拒绝标志使用需要认证决定人员或认证机构管理员角色。',
  },
  en: {
    title: 'Mark grants',
    status: 'Status',
    all: 'All statuses',
    certificate: 'Certificate',
    products: 'Products',
    media: 'Media',
    requestedAt: 'Requested',
    decidedAt: 'Decided',
    reason: 'Reason',
    actions: 'Actions',
    grant: 'Grant',
    refuse: 'Refuse',
    grantOf: 'Grant: {number}',
    refuseOf: 'Refuse: {number}',
    grantReason: 'Note on granting (optional)',
    refuseReason: 'Reason for refusing',
    reasonRequired: 'Give the reason for refusing',
    grantExplain: 'Once granted, the enterprise may use the mark on the listed products and media and order labels. The certificate must be valid.',
    refuseExplain: 'The enterprise reads the reason.',
    done: 'Done: {action}',
    empty: 'No mark grant matches',
    readOnly: 'Granting or refusing needs the decision maker or certification body administrator role.',
  },
});

export default function MarkGrantsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const queries = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [dialog, setDialog] = useState<{ kind: 'grant' | 'refuse'; grant: Grant } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const status = filters.status ?? DEFAULT_STATUS;
  const statusFilter = STATUSES.includes(status as Status) ? (status as Status) : undefined;
  const canDecide = hasRole(session, 'cb_admin', 'decision_maker');

  const invalidate = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['mark-grants'] }),
      queries.invalidateQueries({ queryKey: ['certificate'] }),
      queries.invalidateQueries({ queryKey: ['worklist'] }),
    ]);
  const decide = useMutation({
    mutationFn: ({ kind, id, reason }: { kind: 'grant' | 'refuse'; id: string; reason?: string }) => {
      const body = reason?.trim() ? { reason: reason.trim() } : {};
      return unwrap(
        kind === 'grant'
          ? api.POST('/api/v1/mark-grants/{id}/grant', { params: { path: { id } }, body })
          : api.POST('/api/v1/mark-grants/{id}/refuse', { params: { path: { id } }, body }),
      );
    },
    onSuccess: invalidate,
    // Refused (decided by someone else first, or the certificate no longer valid): the list shows it as it is now.
    onError: () => void invalidate(),
  });

  const columns: TableColumnsType<Grant> = [
    { title: t('certificate'), key: 'certificate', render: (_, g) => <Link to={`/certificates/${g.certificate.id}`}>{g.certificate.number}</Link> },
    { title: t('products'), key: 'products', render: (_, g) => g.products.map((p) => `${p.nameZh} ${p.brand} ${p.model}`).join('; ') },
    { title: t('media'), dataIndex: 'media', render: (m: string[]) => m.map((x) => labelOf(MEDIA_LABELS, x, language)).join(language === 'zh' ? '、' : ', ') },
    { title: t('status'), dataIndex: 'status', render: (s: Status) => <StatusTag family="markGrant" status={s} /> },
    { title: t('requestedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('decidedAt'), dataIndex: 'decidedAt', render: (v: string | null) => formatDateTime(v) },
    { title: t('reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
  ];
  if (canDecide) {
    columns.push({
      title: t('actions'),
      key: 'actions',
      render: (_, g) =>
        g.status === 'requested' ? (
          <Space>
            <Button
              size="small"
              type="primary"
              aria-label={t('grantOf', { number: g.certificate.number })}
              onClick={() => setDialog({ kind: 'grant', grant: g })}
            >
              {t('grant')}
            </Button>
            <Button size="small" danger aria-label={t('refuseOf', { number: g.certificate.number })} onClick={() => setDialog({ kind: 'refuse', grant: g })}>
              {t('refuse')}
            </Button>
          </Space>
        ) : null,
    });
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      {!canDecide && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('done', { action: done })}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setDone(null) }}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          style={{ width: 180 }}
          value={status}
          onChange={(value: string) => setFilters({ status: value })}
          options={[{ value: ALL, label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS.markGrant[s][language] }))]}
        />
      </Space>
      <PagedTable<Grant>
        queryKey={['mark-grants', statusFilter ?? null]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/mark-grants', { params: { query: { page: p, pageSize: size, status: statusFilter } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        empty={t('empty')}
      />
      <ActionModal<{ reason?: string }>
        open={dialog !== null}
        title={dialog ? t(dialog.kind === 'grant' ? 'grantOf' : 'refuseOf', { number: dialog.grant.certificate.number }) : ''}
        okText={dialog?.kind === 'refuse' ? t('refuse') : t('grant')}
        danger={dialog?.kind === 'refuse'}
        explanation={dialog?.kind === 'refuse' ? t('refuseExplain') : t('grantExplain')}
        onSubmit={async (v) => {
          if (!dialog) return;
          await decide.mutateAsync({ kind: dialog.kind, id: dialog.grant.id, reason: v.reason });
          setDone(dialog.kind === 'grant' ? t('grant') : t('refuse'));
        }}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="reason"
          label={dialog?.kind === 'refuse' ? t('refuseReason') : t('grantReason')}
          rules={dialog?.kind === 'refuse' ? [{ required: true, whitespace: true, message: t('reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
