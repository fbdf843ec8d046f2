import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { applyFieldErrors } from '../../../shared/form-errors';
import { PagedTable } from '../../../shared/PagedTable';
import { useListParams } from '../../../shared/url-state';

type Conflict = Schemas['AuditorConflictEntry'];
const FILTERS = [] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const messages = defineMessages({
  zh: {
    title: '审核员利益冲突',
    intro: '声明了利益冲突的审核员不会被指派审核该企业。',
    auditor: '审核员',
    enterprise: '企业',
    reason: '原因',
    declaredAt: '声明时间',
    declare: '声明利益冲突',
    declareTitle: '声明新的利益冲突',
    myself: '本人',
    enterpriseId: '企业',
    pickHint: '从本机构处理过申请的企业中选择，或选「按编号输入」后填写企业 ID。',
    byId: '按编号输入企业 ID',
    enterpriseIdInput: '企业 ID',
    auditorId: '为哪位审核员声明',
    required: '必填',
    uuid: '应为企业 ID（UUID）',
    declared: '已声明利益冲突。',
    checkForm: '请检查标出的字段。',
    empty: '尚未声明利益冲突。',
    source: '选择方式',
    fromList: '从列表选择',
  },
  en: {
    title: 'Auditor conflicts of interest',
    intro: 'An auditor who declared a conflict with an enterprise is never assigned to audit it.',
    auditor: 'Auditor',
    enterprise: 'Enterprise',
    reason: 'Reason',
    declaredAt: 'Declared',
    declare: 'Declare a conflict',
    declareTitle: 'Declare a new conflict of interest',
    myself: 'Myself',
    enterpriseId: 'Enterprise',
    pickHint: 'Pick from the enterprises whose applications this body handles, or type the enterprise id.',
    byId: 'Type the enterprise id',
    enterpriseIdInput: 'Enterprise id',
    auditorId: 'Declared for',
    required: 'Required',
    uuid: 'An enterprise id (UUID)',
    declared: 'The conflict is declared.',
    checkForm: 'Check the marked fields.',
    empty: 'No conflict declared yet.',
    source: 'Choose by',
    fromList: 'From the list',
  },
});

interface DeclareValues {
  source: 'list' | 'id';
  enterpriseId: string;
  reason: string;
  auditorId?: string;
}

function DeclareConflict() {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const session = useSignedIn();
  const queries = useQueryClient();
  const isAdmin = hasRole(session, 'cb_admin');
  const [form] = Form.useForm<DeclareValues>();
  const source = Form.useWatch('source', form) ?? 'list';
  const [done, setDone] = useState(false);

  // The body sees the enterprises of the applications routed to it; organizations other than its own are not listed to it.
  const applications = useQuery({
    queryKey: ['applications', 'for-conflicts'],
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { page: 1, pageSize: 100 } } })),
  });
  const enterprises = [...new Map((applications.data?.items ?? []).map((a) => [a.enterprise.id, a.enterprise])).values()];
  const auditors = useQuery({
    queryKey: ['users', 'auditors', session.user.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'auditor', organizationId: session.user.organizationId, pageSize: 100 } } })),
    enabled: isAdmin,
  });

  const declare = useMutation({
    mutationFn: (v: DeclareValues) =>
      unwrap(
        api.POST('/api/v1/auditor-conflicts', {
          body: { enterpriseId: v.enterpriseId.trim(), reason: v.reason.trim(), ...(isAdmin && v.auditorId ? { auditorId: v.auditorId } : {}) },
        }),
      ),
    onMutate: () => setDone(false),
    onSuccess: () => {
      form.resetFields();
      setDone(true);
      void queries.invalidateQueries({ queryKey: ['auditor-conflicts'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) applyFieldErrors(form, error, language);
    },
  });
  const refusal = declare.error instanceof ApiError && declare.error.status === 400 ? t('checkForm') : declare.error ? sentence(declare.error) : undefined;

  return (
    <Card size="small" title={t('declareTitle')} style={{ marginBottom: 16, maxWidth: 720 }}>
      {refusal && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      {done && <Alert type="success" role="status" showIcon style={{ marginBottom: 12 }} title={t('declared')} />}
      <Form<DeclareValues> form={form} layout="vertical" initialValues={{ source: 'list', enterpriseId: '', reason: '' }} onFinish={(v) => declare.mutate(v)}>
        {isAdmin && (
          <Form.Item name="auditorId" label={t('auditorId')} rules={[{ required: true, message: t('required') }]}>
            <Select
              loading={auditors.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(auditors.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
        )}
        <Form.Item name="source" label={t('source')}>
          <Radio.Group
            onChange={() => form.setFieldValue('enterpriseId', '')}
            options={[
              { value: 'list', label: t('fromList') },
              { value: 'id', label: t('byId') },
            ]}
          />
        </Form.Item>
        {source === 'list' ? (
          <Form.Item name="enterpriseId" label={t('enterpriseId')} extra={t('pickHint')} rules={[{ required: true, message: t('required') }]}>
            <Select
              loading={applications.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={enterprises.map((e) => ({ value: e.id, label: e.nameZh }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label={t('enterpriseIdInput')} rules={[{ required: true, pattern: UUID, message: t('uuid') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={declare.isPending}>
          {t('declare')}
        </Button>
      </Form>
    </Card>
  );
}

/** The conflicts of interest the body's auditors declared, and declaring a new one. */
export default function AuditorConflictsPage() {
  const t = useT(messages);
  const session = useSignedIn();
  const { page, pageSize, setPage } = useListParams(FILTERS);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {hasRole(session, 'auditor', 'cb_admin') && <DeclareConflict />}
      <PagedTable<Conflict>
        queryKey={['auditor-conflicts']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/auditor-conflicts', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        empty={t('empty')}
        columns={[
          { title: t('auditor'), dataIndex: 'auditorName' },
          { title: t('enterprise'), dataIndex: 'enterpriseNameZh' },
          { title: t('reason'), dataIndex: 'reason' },
          { title: t('declaredAt'), dataIndex: 'declaredAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
