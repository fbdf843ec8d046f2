import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { nameIn } from '../common';
import { PageTitle } from '../../../shared/PageTitle';
import { StatusSelect } from '../../../shared/StatusFilter';

const messages = defineMessages({
  zh: {
    title: '目录批次',
    create: '新建批次草稿',
    number: '批次号',
    titleCol: '批次名称',
    titleZh: '中文名称',
    titleEn: '英文名称',
    status: '状态',
    entries: '条目数',
    publishedAt: '发布时间',
    save: '创建',
    cancel: '取消',
    required: '请填写此项',
    caption: '认证目录的发布批次',
  },
  en: {
    title: 'Catalogue batches',
    create: 'New draft batch',
    number: 'Batch number',
    titleCol: 'Title',
    titleZh: 'Title (Chinese)',
    titleEn: 'Title (English)',
    status: 'Status',
    entries: 'Entries',
    publishedAt: 'Published',
    save: 'Create',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Batches of the certification catalogue',
  },
});

const FILTERS = ['status'] as const;
type Batch = Schemas['BatchView'];

export default function BatchesPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('create')}
        </Button>
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect family="catalogueBatch" label={t('status')} value={filters.status} onChange={(status) => setFilters({ status })} width={140} />
      </Space>
      <PagedTable<Batch>
        queryKey={['catalogue', 'batches', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/catalogue/batches', { params: { query: { page: p, pageSize: size, status: filters.status as Batch['status'] | undefined } } }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('number'), key: 'number', render: (_, b) => <Link to={`/catalogue/${b.id}`}>{b.number}</Link> },
          { title: t('titleCol'), key: 'title', render: (_, b) => nameIn(language, b.titleZh, b.titleEn) },
          { title: t('entries'), dataIndex: 'entryCount' },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="catalogueBatch" status={s} /> },
          { title: t('publishedAt'), dataIndex: 'publishedAt', render: (d: string | null) => formatDateTime(d) },
        ]}
      />
      {open && <CreateBatch onClose={() => setOpen(false)} />}
    </>
  );
}

function CreateBatch({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const [form] = Form.useForm<Schemas['CreateBatchDto']>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: Schemas['CreateBatchDto']) => unwrap(api.POST('/api/v1/catalogue/batches', { body })),
    onSuccess: (batch) => {
      void client.invalidateQueries({ queryKey: ['catalogue'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      onClose();
      void navigate(`/catalogue/${batch.id}`);
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
          create.mutate(values.titleEn ? values : { number: values.number, titleZh: values.titleZh });
        }}
      >
        <Form.Item name="number" label={t('number')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="titleZh" label={t('titleZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="titleEn" label={t('titleEn')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
