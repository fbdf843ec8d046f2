import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AGREEMENT_KIND_LABELS, labelOf } from '../../../i18n/labels';
import { PagedTable } from '../../../shared/PagedTable';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '互认协议',
    caption: '其检测结果可代替新检测的协议',
    create: '登记协议',
    kind: '类型',
    party: '协议方',
    region: '国家/地区',
    scope: '互认范围',
    validFrom: '生效日期',
    validUntil: '截止日期（可空）',
    validity: '有效期',
    untilTerminated: '至终止',
    status: '状态',
    terminate: '终止',
    confirm: '终止后不再采信其新报告，确定？',
    save: '登记',
    cancel: '取消',
    required: '请填写此项',
  },
  en: {
    title: 'Recognition agreements',
    caption: 'Agreements whose test results stand in for a new test',
    create: 'Record an agreement',
    kind: 'Kind',
    party: 'Party',
    region: 'Country / region',
    scope: 'Scope',
    validFrom: 'Valid from',
    validUntil: 'Valid until (optional)',
    validity: 'Validity',
    untilTerminated: 'until terminated',
    status: 'Status',
    terminate: 'Terminate',
    confirm: 'Reports are no longer recognised under it. Terminate?',
    save: 'Record',
    cancel: 'Cancel',
    required: 'Please fill this in',
  },
});

type Agreement = Schemas['AgreementView'];

export default function AgreementsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, setPage } = useListParams([]);
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const refusal = useRefusal();
  const terminate = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/recognition-agreements/{id}/terminate', { params: { path: { id } } })),
    onSuccess: () => {
      refusal.clear();
      void client.invalidateQueries({ queryKey: ['recognition-agreements'] });
    },
    onError: refusal.onError,
  });
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('create')}
        </Button>
      </PageTitle>
      <RefusalAlert refusal={refusal.refusal} />
      <PagedTable<Agreement>
        queryKey={['recognition-agreements']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/recognition-agreements', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('party'), dataIndex: 'party' },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => labelOf(AGREEMENT_KIND_LABELS, k, language) },
          { title: t('region'), dataIndex: 'region' },
          { title: t('scope'), dataIndex: 'scope' },
          { title: t('validity'), key: 'validity', render: (_, a) => `${a.validFrom} – ${a.validUntil ?? t('untilTerminated')}` },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="agreement" status={s} /> },
          {
            title: '',
            key: 'actions',
            render: (_, a) =>
              a.status === 'in_force' && (
                <Popconfirm title={t('confirm')} onConfirm={() => terminate.mutate(a.id)}>
                  <Button size="small" danger aria-label={`${t('terminate')} ${a.party}`}>
                    {t('terminate')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {open && <CreateAgreement onClose={() => setOpen(false)} />}
    </>
  );
}

function CreateAgreement({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Schemas['CreateAgreementDto']>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: Schemas['CreateAgreementDto']) => unwrap(api.POST('/api/v1/recognition-agreements', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['recognition-agreements'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('create')} onCancel={onClose} okText={t('save')} cancelText={t('cancel')} confirmLoading={create.isPending} onOk={() => form.submit()}>
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          refusal.clear();
          create.mutate(values.validUntil ? values : { ...values, validUntil: undefined });
        }}
      >
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Select options={Object.keys(AGREEMENT_KIND_LABELS).map((k) => ({ value: k, label: labelOf(AGREEMENT_KIND_LABELS, k, language) }))} />
        </Form.Item>
        <Form.Item name="party" label={t('party')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="region" label={t('region')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label={t('scope')} rules={required}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('validFrom')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('validUntil')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
