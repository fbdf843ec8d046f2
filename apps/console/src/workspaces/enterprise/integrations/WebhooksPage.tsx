import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { PagedTable } from '../../../shared/PagedTable';
import { SecretOnce } from '../../../shared/SecretOnce';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Subscription = Schemas['WebhookSubscriptionView'];

const FILTERS = [] as const;

const messages = defineMessages({
  zh: {
    title: 'Webhook 订阅',
    intro: '公开目录的每次变更（颁发、暂停、撤销等）都会以签名的 POST 请求发送到您订阅的地址。',
    subscribe: '新建订阅',
    url: '接收地址（URL）',
    description: '说明',
    state: '状态',
    failures: '连续失败',
    createdAt: '创建时间',
    urlRequired: '请填写接收地址',
    urlHelp: '生产环境须为 https，且只能解析到公网地址。',
    submit: '订阅',
    cancel: '取消',
    secretTitle: '订阅已创建',
    secretLabel: '签名密钥（用于校验 X-SZS-Signature）',
    empty: '还没有订阅',
    caption: '本组织的 Webhook 订阅',
  },
  en: {
    title: 'Webhooks',
    intro: 'Every change of the public registry (issued, suspended, withdrawn…) is sent as a signed POST to the URLs you subscribe.',
    subscribe: 'Subscribe a URL',
    url: 'Receiving URL',
    description: 'Description',
    state: 'State',
    failures: 'Failures in a row',
    createdAt: 'Created',
    urlRequired: 'Enter the URL',
    urlHelp: 'https in production, resolving only to public addresses.',
    submit: 'Subscribe',
    cancel: 'Cancel',
    secretTitle: 'Subscribed',
    secretLabel: 'Signing secret (to check X-SZS-Signature)',
    empty: 'No subscriptions yet',
    caption: "Your organization's webhook subscriptions",
  },
});

function Subscribe({ onCreated }: { onCreated: (s: Schemas['WebhookSubscriptionCreated']) => void }) {
  const t = useT(messages);
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ url: string; description?: string }>();
  const { refusal, onError, clear } = useRefusal(form);
  const subscribe = useMutation({
    mutationFn: (body: { url: string; description?: string }) => unwrap(api.POST('/api/v1/webhooks', { body })),
    onSuccess: async (created) => {
      await queries.invalidateQueries({ queryKey: ['webhooks'] });
      setOpen(false);
      form.resetFields();
      onCreated(created);
    },
    onError,
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('subscribe')}
      </Button>
      <Modal
        open={open}
        title={t('subscribe')}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
            <Button type="primary" loading={subscribe.isPending} onClick={() => form.submit()}>
              {t('submit')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <RefusalAlert refusal={refusal} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ url: '', description: '' }}
            onValuesChange={clear}
            onFinish={(values) => subscribe.mutate({ url: values.url.trim(), description: values.description?.trim() || undefined })}
          >
            <Form.Item name="url" label={t('url')} extra={t('urlHelp')} rules={[{ required: true, whitespace: true, message: t('urlRequired') }]}>
              <Input type="url" placeholder="https://erp.example.cn/hooks/szs" />
            </Form.Item>
            <Form.Item name="description" label={t('description')}>
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </>
  );
}

export function WebhooksPage() {
  const t = useT(messages);
  const { page, pageSize, setPage } = useListParams(FILTERS);
  const [created, setCreated] = useState<Schemas['WebhookSubscriptionCreated']>();

  const columns: TableColumnsType<Subscription> = [
    { title: t('url'), dataIndex: 'url', render: (url: string, s) => <Link to={`/webhooks/${s.id}`}>{url}</Link> },
    { title: t('description'), dataIndex: 'description', render: (d: string | null) => d ?? '—' },
    { title: t('state'), dataIndex: 'state', render: (state: Subscription['state']) => <StatusTag family="webhook" status={state} /> },
    { title: t('failures'), dataIndex: 'consecutiveFailures' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <div>
        <Subscribe onCreated={setCreated} />
      </div>
      <PagedTable<Subscription>
        queryKey={['webhooks']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/webhooks', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        caption={t('caption')}
        empty={t('empty')}
      />
      <SecretOnce title={t('secretTitle')} label={t('secretLabel')} secret={created?.secret} onClose={() => setCreated(undefined)} />
    </Space>
  );
}
