import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { CREDIT_ACTION_OUTCOME_LABELS, labelOf, PUBLIC_REASON_LABELS } from '../../i18n/labels';
import { formatDate, formatDateTime } from '../dates';
import { RefusalAlert, useRefusal } from '../Refusal';
import { StatusFilteredList } from '../StatusFilteredList';
import { FlagTag, StatusTag } from '../StatusTag';

const messages = defineMessages({
  zh: {
    title: '信用处置',
    introBody: '持证企业被列入严重违法失信名单后，本机构须在 5 个工作日内暂停或撤销其有效证书。',
    introRegulator: '严重违法失信名单交由认证机构处置的证书：逾期未处置的已提醒机构并报告监管部门。',
    certificate: '证书',
    holder: '持证企业',
    body: '认证机构',
    listingReason: '列入事由',
    dueOn: '处置期限',
    status: '状态',
    overdue: '已逾期',
    escalated: '已催办',
    actions: '操作',
    record: '处置',
    recordOf: '处置证书 {number}',
    action: '处置方式',
    suspend: '暂停证书',
    withdraw: '撤销证书',
    publicReason: '公开原因',
    privateNote: '内部备注（不公开）',
    save: '记录处置',
    cancel: '取消',
    required: '请填写此项',
    empty: '没有信用处置',
  },
  en: {
    title: 'Credit actions',
    introBody: 'When a holder is put on the serious-violation list, this body suspends or withdraws its valid certificates within 5 working days.',
    introRegulator: 'Certificates the serious-violation list handed to their bodies: overdue ones have been chased and reported to the regulator.',
    certificate: 'Certificate',
    holder: 'Holder',
    body: 'Certification body',
    listingReason: 'Listed for',
    dueOn: 'Due',
    status: 'Status',
    overdue: 'Overdue',
    escalated: 'Escalated',
    actions: 'Actions',
    record: 'Act',
    recordOf: 'Act on certificate {number}',
    action: 'Action',
    suspend: 'Suspend the certificate',
    withdraw: 'Withdraw the certificate',
    publicReason: 'Public reason',
    privateNote: 'Internal note (never public)',
    save: 'Record the action',
    cancel: 'Cancel',
    required: 'Please fill this in',
    empty: 'No credit actions',
  },
});

type Action = Schemas['CreditActionView'];
const STATUSES = ['open', 'done', 'lapsed'] as const;

/**
 * The credit actions a serious-violation listing handed out: the body's own to take (it records
 * the suspension or withdrawal here), or all of them for the regulator, the overdue and escalated marked.
 */
export function CreditActionsPage({ canRecord }: { canRecord: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [recording, setRecording] = useState<Action | null>(null);
  return (
    <>
      <StatusFilteredList<Action, (typeof STATUSES)[number]>
        title={t('title')}
        intro={canRecord ? t('introBody') : t('introRegulator')}
        family="creditAction"
        statuses={STATUSES}
        listKey="credit-actions"
        fetchPage={(page, pageSize, status) => unwrap(api.GET('/api/v1/credit-actions', { params: { query: { page, pageSize, status } } }))}
        empty={t('empty')}
        columns={[
          { title: t('certificate'), key: 'certificate', render: (_, a) => a.certificate.number },
          { title: t('holder'), key: 'holder', render: (_, a) => (language === 'en' && a.holder.nameEn ? a.holder.nameEn : a.holder.nameZh) },
          ...(canRecord
            ? []
            : [
                {
                  title: t('body'),
                  key: 'body',
                  render: (_: unknown, a: Action) =>
                    language === 'en' && a.certificationBody.nameEn ? a.certificationBody.nameEn : a.certificationBody.nameZh,
                },
              ]),
          { title: t('listingReason'), dataIndex: 'listingReason', width: 200 },
          {
            title: t('dueOn'),
            key: 'dueOn',
            render: (_, a) => (
              <Space size={4} wrap>
                {a.dueOn}
                {a.overdue && <FlagTag tone="error">{t('overdue')}</FlagTag>}
                {a.escalatedAt && (
                  <FlagTag tone="warning" title={formatDateTime(a.escalatedAt)}>
                    {t('escalated')}
                  </FlagTag>
                )}
              </Space>
            ),
          },
          {
            // The state and what the body did, in one column: the row keeps its action button on screen.
            title: t('status'),
            key: 'status',
            render: (_, a) => (
              <>
                <StatusTag family="creditAction" status={a.status} />
                {a.outcome && <div>{`${labelOf(CREDIT_ACTION_OUTCOME_LABELS, a.outcome, language)} · ${formatDate(a.doneAt)}`}</div>}
              </>
            ),
          },
          ...(canRecord
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (_: unknown, a: Action) =>
                    a.status === 'open' && (
                      <Button size="small" aria-label={t('recordOf', { number: a.certificate.number })} onClick={() => setRecording(a)}>
                        {t('record')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {recording && <RecordAction action={recording} onClose={() => setRecording(null)} />}
    </>
  );
}

function RecordAction({ action, onClose }: { action: Action; onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Schemas['RecordCreditActionDto']>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const record = useMutation({
    mutationFn: (body: Schemas['RecordCreditActionDto']) =>
      unwrap(api.POST('/api/v1/credit-actions/{id}/record', { params: { path: { id: action.id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['credit-actions'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('recordOf', { number: action.certificate.number })}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: 'suspend', publicReason: 'other' }}
        onFinish={(v) => {
          refusal.clear();
          record.mutate({ ...v, privateNote: v.privateNote?.trim() || undefined });
        }}
      >
        <Form.Item name="action" label={t('action')} rules={required}>
          <Radio.Group
            options={[
              { value: 'suspend', label: t('suspend') },
              { value: 'withdraw', label: t('withdraw') },
            ]}
          />
        </Form.Item>
        <Form.Item name="publicReason" label={t('publicReason')} rules={required}>
          <Select options={Object.keys(PUBLIC_REASON_LABELS).map((r) => ({ value: r, label: labelOf(PUBLIC_REASON_LABELS, r, language) }))} />
        </Form.Item>
        <Form.Item name="privateNote" label={t('privateNote')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
