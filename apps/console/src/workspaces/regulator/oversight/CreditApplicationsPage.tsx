import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { CREDIT_APPLICATION_KIND_LABELS, labelOf, LISTING_KIND_LABELS } from '../../../i18n/labels';
import { formatDateTime } from '../../../shared/dates';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { StatusFilteredList } from '../../../shared/StatusFilteredList';
import { FlagTag, StatusTag } from '../../../shared/StatusTag';
import { nameIn } from '../common';

const messages = defineMessages({
  zh: {
    title: '移出与信用修复申请',
    intro: '企业就其列入申请移出经营异常名录或信用修复，监管部门须在 7 日内作出决定；逾期未决定的已标出。',
    enterprise: '企业',
    kind: '申请事项',
    reason: '申请理由与整改情况',
    submittedAt: '提交时间',
    dueOn: '决定期限',
    overdue: '已逾期',
    status: '状态',
    decisionReason: '决定理由',
    actions: '操作',
    grant: '准予',
    refuse: '不予准许',
    grantOf: '准予 {name} 的申请',
    refuseOf: '不予准许 {name} 的申请',
    grantReason: '决定理由（选填；移出时为公开的移出原因）',
    refuseReason: '不予准许的理由（企业可见）',
    cancel: '取消',
    required: '请填写此项',
    empty: '没有申请',
  },
  en: {
    title: 'Removal and credit repair applications',
    intro:
      'Enterprises apply for removal from the abnormal-operations list or for credit repair; the regulator decides within 7 days. Overdue ones are marked.',
    enterprise: 'Enterprise',
    kind: 'Application',
    reason: 'Reason and corrections',
    submittedAt: 'Submitted',
    dueOn: 'Decide by',
    overdue: 'Overdue',
    status: 'Status',
    decisionReason: 'Reason of the decision',
    actions: 'Actions',
    grant: 'Grant',
    refuse: 'Refuse',
    grantOf: 'Grant the application of {name}',
    refuseOf: 'Refuse the application of {name}',
    grantReason: 'Reason (optional; for a removal, the public removal reason)',
    refuseReason: 'Why it is refused (the enterprise sees it)',
    cancel: 'Cancel',
    required: 'Please fill this in',
    empty: 'No applications',
  },
});

type Application = Schemas['CreditApplicationView'];
const STATUSES = ['pending', 'granted', 'refused'] as const;

export default function CreditApplicationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const [deciding, setDeciding] = useState<{ application: Application; grant: boolean } | null>(null);
  const nameOf = (a: Application) => nameIn(language, a.enterprise.nameZh, a.enterprise.nameEn);
  return (
    <>
      <StatusFilteredList<Application, (typeof STATUSES)[number]>
        title={t('title')}
        intro={t('intro')}
        family="creditApplication"
        statuses={STATUSES}
        listKey="credit-applications"
        fetchPage={(page, pageSize, status) => unwrap(api.GET('/api/v1/credit-applications', { params: { query: { page, pageSize, status } } }))}
        empty={t('empty')}
        columns={[
          { title: t('enterprise'), key: 'enterprise', render: (_, a) => <Link to={`/organizations/${a.enterprise.id}`}>{nameOf(a)}</Link> },
          {
            title: t('kind'),
            key: 'kind',
            render: (_, a) => (
              <>
                {labelOf(CREDIT_APPLICATION_KIND_LABELS, a.kind, language)}
                <div>{labelOf(LISTING_KIND_LABELS, a.listingKind, language)}</div>
              </>
            ),
          },
          {
            title: t('reason'),
            key: 'reason',
            width: 260,
            render: (_, a) => (
              <>
                <div>{a.reason}</div>
                <div style={{ color: 'rgba(0,0,0,0.65)' }}>{a.corrections}</div>
              </>
            ),
          },
          { title: t('submittedAt'), dataIndex: 'submittedAt', render: (d: string) => formatDateTime(d) },
          {
            title: t('dueOn'),
            key: 'dueOn',
            render: (_, a) => (
              <Space size={4} wrap>
                {a.dueOn}
                {a.overdue && <FlagTag tone="error">{t('overdue')}</FlagTag>}
              </Space>
            ),
          },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="creditApplication" status={s} /> },
          { title: t('decisionReason'), key: 'decisionReason', render: (_, a) => a.decisionReason ?? '—' },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, a) =>
              a.status === 'pending' && (
                <Space size={4}>
                  <Button size="small" aria-label={t('grantOf', { name: nameOf(a) })} onClick={() => setDeciding({ application: a, grant: true })}>
                    {t('grant')}
                  </Button>
                  <Button size="small" danger aria-label={t('refuseOf', { name: nameOf(a) })} onClick={() => setDeciding({ application: a, grant: false })}>
                    {t('refuse')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {deciding && <Decide {...deciding} name={nameOf(deciding.application)} onClose={() => setDeciding(null)} />}
    </>
  );
}

function Decide({ application, grant, name, onClose }: { application: Application; grant: boolean; name: string; onClose: () => void }) {
  const t = useT(messages);
  const [form] = Form.useForm<{ reason?: string }>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ reason }: { reason?: string }) => {
      const params = { path: { id: application.id } };
      return grant
        ? unwrap(api.POST('/api/v1/credit-applications/{id}/grant', { params, body: reason?.trim() ? { reason } : {} }))
        : unwrap(api.POST('/api/v1/credit-applications/{id}/refuse', { params, body: { reason: reason ?? '' } }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['credit-applications'] });
      void client.invalidateQueries({ queryKey: ['abnormal-operations'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const title = t(grant ? 'grantOf' : 'refuseOf', { name });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t(grant ? 'grant' : 'refuse')}
      okButtonProps={{ danger: !grant }}
      cancelText={t('cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          refusal.clear();
          decide.mutate(v);
        }}
      >
        <Form.Item name="reason" label={t(grant ? 'grantReason' : 'refuseReason')} rules={grant ? [] : [{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
