import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { statusLabel } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { applyFieldErrors } from '../../../shared/form-errors';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Signal = Schemas['CounterfeitSignalView'];
const FILTERS = ['status'] as const;
const STATUSES: Signal['status'][] = ['open', 'confirmed', 'dismissed'];

const messages = defineMessages({
  zh: {
    title: '疑似假冒信号',
    status: '状态',
    all: '全部',
    code: '被查验的号码',
    kind: '类型',
    certificateKind: '证书号',
    labelKind: '标签码',
    reason: '原因',
    many_networks: '{count} 个不同网络查验同一标签码',
    ended_certificate: '已失效证书仍被查验',
    certificate: '证书',
    verifications: '查验次数',
    raisedAt: '发现时间',
    lastSeenAt: '最近查验',
    note: '处理意见',
    actions: '操作',
    resolve: '处理 {code}',
    resolveTitle: '处理信号 {code}',
    decision: '结论',
    confirm: '确认为假冒',
    dismiss: '排除',
    save: '保存',
    cancel: '取消',
    resolved: '信号已处理。',
    required: '必填',
    empty: '没有信号。',
    checkForm: '请检查标出的字段。',
  },
  en: {
    title: 'Counterfeit signals',
    status: 'Status',
    all: 'All',
    code: 'Verified code',
    kind: 'Kind',
    certificateKind: 'Certificate number',
    labelKind: 'Label code',
    reason: 'Reason',
    many_networks: 'One label code verified from {count} distinct networks',
    ended_certificate: 'A certificate that has ended is still verified',
    certificate: 'Certificate',
    verifications: 'Verifications',
    raisedAt: 'Raised',
    lastSeenAt: 'Last seen',
    note: 'Note',
    actions: 'Actions',
    resolve: 'Resolve {code}',
    resolveTitle: 'Resolve the signal {code}',
    decision: 'Decision',
    confirm: 'Confirm as counterfeit',
    dismiss: 'Dismiss',
    save: 'Save',
    cancel: 'Cancel',
    resolved: 'The signal is resolved.',
    required: 'Required',
    empty: 'No signal.',
    checkForm: 'Check the marked fields.',
  },
});

interface ResolveValues {
  status: 'confirmed' | 'dismissed';
  note?: string;
}

/** Signals that a certificate number or label code may be counterfeited: confirm or dismiss them with a note. */
export default function CounterfeitSignalsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const session = useSignedIn();
  const queries = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const status = STATUSES.find((s) => s === filters.status);
  const [resolving, setResolving] = useState<Signal>();
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<ResolveValues>();
  const canResolve = hasRole(session, 'cb_admin');
  const resolve = useMutation({
    mutationFn: ({ id, values }: { id: string; values: ResolveValues }) =>
      unwrap(
        api.POST('/api/v1/counterfeit-signals/{id}/resolve', {
          params: { path: { id } },
          body: { status: values.status, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
        }),
      ),
    onMutate: () => setDone(false),
    onSuccess: () => {
      setResolving(undefined);
      form.resetFields();
      setDone(true);
      void queries.invalidateQueries({ queryKey: ['counterfeit-signals'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) applyFieldErrors(form, error, language);
    },
  });
  const refusal = resolve.error instanceof ApiError && resolve.error.status === 400 ? t('checkForm') : resolve.error ? sentence(resolve.error) : undefined;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('status')}>
          <Select
            aria-label={t('status')}
            style={{ minWidth: 160 }}
            value={status ?? ''}
            options={[{ value: '', label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: statusLabel('signal', s, language) }))]}
            onChange={(v: string) => setFilters({ status: v || undefined })}
          />
        </Form.Item>
      </Form>
      {done && <Alert type="success" role="status" showIcon style={{ marginBottom: 12 }} title={t('resolved')} />}
      <PagedTable<Signal>
        queryKey={['counterfeit-signals', status ?? 'all']}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/counterfeit-signals', { params: { query: { page: p, pageSize: size, ...(status ? { status } : {}) } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        empty={t('empty')}
        columns={[
          { title: t('code'), dataIndex: 'code' },
          { title: t('kind'), dataIndex: 'kind', render: (v: Signal['kind']) => t(v === 'label' ? 'labelKind' : 'certificateKind') },
          { title: t('reason'), dataIndex: 'reason', render: (v: Signal['reason'], s: Signal) => t(v, { count: s.distinctNetworks ?? '?' }) },
          {
            title: t('certificate'),
            key: 'certificate',
            render: (_: unknown, s: Signal) => (
              <>
                {s.certificate.number} <StatusTag family="certificate" status={s.certificate.status} />
              </>
            ),
          },
          { title: t('verifications'), dataIndex: 'verificationCount' },
          { title: t('raisedAt'), dataIndex: 'raisedAt', render: (v: string) => formatDateTime(v) },
          { title: t('lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
          { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag family="signal" status={v} /> },
          { title: t('note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          ...(canResolve
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (_: unknown, s: Signal) =>
                    s.status === 'open' ? (
                      <Button size="small" aria-label={t('resolve', { code: s.code })} onClick={() => setResolving(s)}>
                        {t('resolve', { code: '' }).trim()}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!resolving}
        title={t('resolveTitle', { code: resolving?.code ?? '' })}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={resolve.isPending}
        onCancel={() => {
          setResolving(undefined);
          resolve.reset();
        }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {refusal && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={refusal} />}
        <Form<ResolveValues> form={form} layout="vertical" onFinish={(values) => resolving && resolve.mutate({ id: resolving.id, values })}>
          <Form.Item name="status" label={t('decision')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group
              options={[
                { value: 'confirmed', label: t('confirm') },
                { value: 'dismissed', label: t('dismiss') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
