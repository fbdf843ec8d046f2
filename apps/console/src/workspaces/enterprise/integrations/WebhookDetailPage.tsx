import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Subscription = Schemas['WebhookSubscriptionView'];
type Delivery = Schemas['WebhookDeliveryView'];

const FILTERS = [] as const;

const messages = defineMessages({
  zh: {
    title: 'Webhook 订阅',
    back: '返回订阅列表',
    url: '接收地址',
    description: '说明',
    state: '状态',
    failures: '连续失败次数',
    createdAt: '创建时间',
    pausedAt: '暂停时间',
    pausedReason: '暂停原因',
    resume: '恢复发送',
    resumeHelp: '恢复后失败计数归零；暂停期间的变更不会补发，请通过变更流接口读取。',
    deactivate: '永久停用',
    deactivateConfirm: '永久停用此订阅？停用后不能恢复。',
    yes: '停用',
    no: '取消',
    deliveries: '发送记录',
    sequence: '变更序号',
    deliveryStatus: '结果',
    attempts: '尝试次数',
    lastStatus: '对方响应',
    lastError: '错误',
    deliveredAt: '送达时间',
    noDeliveries: '还没有发送记录',
  },
  en: {
    title: 'Webhook subscription',
    back: 'Back to the webhooks',
    url: 'URL',
    description: 'Description',
    state: 'State',
    failures: 'Failed deliveries in a row',
    createdAt: 'Created',
    pausedAt: 'Paused',
    pausedReason: 'Why it was paused',
    resume: 'Resume',
    resumeHelp: 'Resuming sets the failure count back to 0; changes made while paused are not sent: read them from the change feed.',
    deactivate: 'Deactivate for good',
    deactivateConfirm: 'Deactivate this subscription for good? It cannot be resumed afterwards.',
    yes: 'Deactivate',
    no: 'Cancel',
    deliveries: 'Delivery log',
    sequence: 'Change sequence',
    deliveryStatus: 'Result',
    attempts: 'Attempts',
    lastStatus: 'Receiver answered',
    lastError: 'Error',
    deliveredAt: 'Delivered',
    noDeliveries: 'Nothing delivered yet',
  },
});

function Deliveries({ id }: { id: string }) {
  const t = useT(messages);
  const { page, pageSize, setPage } = useListParams(FILTERS);
  const columns: TableColumnsType<Delivery> = [
    { title: t('sequence'), dataIndex: 'sequence' },
    { title: t('deliveryStatus'), dataIndex: 'status', render: (s: Delivery['status']) => <StatusTag family="webhookDelivery" status={s} /> },
    { title: t('attempts'), dataIndex: 'attempts' },
    { title: t('lastStatus'), dataIndex: 'lastStatusCode', render: (c: number | null) => c ?? '—' },
    { title: t('lastError'), dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
    { title: t('deliveredAt'), dataIndex: 'deliveredAt', render: (d: string | null) => formatDateTime(d) },
  ];
  return (
    <PagedTable<Delivery>
      queryKey={['webhook-deliveries', id]}
      fetchPage={(p, size) => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { page: p, pageSize: size } } }))}
      page={page}
      pageSize={pageSize}
      onPageChange={setPage}
      columns={columns}
      rowKey="id"
      empty={t('noDeliveries')}
    />
  );
}

function WebhookDetail({ subscription }: { subscription: Subscription }) {
  const t = useT(messages);
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const onChanged = async (updated: Subscription) => {
    queries.setQueryData(['webhook', subscription.id], updated);
    await queries.invalidateQueries({ queryKey: ['webhooks'] });
  };
  const resume = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{id}/resume', { params: { path: { id: subscription.id } } })),
    onSuccess: onChanged,
  });
  const deactivate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{id}/deactivate', { params: { path: { id: subscription.id } } })),
    onSuccess: onChanged,
  });
  const error = resume.error ?? deactivate.error;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/webhooks">← {t('back')}</Link>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <StatusTag family="webhook" status={subscription.state} />
      </Space>
      {error && <Alert type="error" role="alert" showIcon title={sentence(error)} />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('url')}>
            <Typography.Text copyable>{subscription.url}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('description')}>{subscription.description ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('failures')}>{subscription.consecutiveFailures}</Descriptions.Item>
          <Descriptions.Item label={t('createdAt')}>{formatDateTime(subscription.createdAt)}</Descriptions.Item>
          {subscription.pausedAt && <Descriptions.Item label={t('pausedAt')}>{formatDateTime(subscription.pausedAt)}</Descriptions.Item>}
          {subscription.pausedReason && <Descriptions.Item label={t('pausedReason')}>{subscription.pausedReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {subscription.state !== 'deactivated' && (
        <Space wrap>
          {subscription.state === 'paused' && (
            <Button type="primary" loading={resume.isPending} onClick={() => resume.mutate()}>
              {t('resume')}
            </Button>
          )}
          <Popconfirm
            title={t('deactivateConfirm')}
            okText={t('yes')}
            cancelText={t('no')}
            okButtonProps={{ danger: true }}
            onConfirm={() => deactivate.mutateAsync().catch(() => undefined)}
          >
            <Button danger loading={deactivate.isPending}>
              {t('deactivate')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {subscription.state === 'paused' && <Typography.Text type="secondary">{t('resumeHelp')}</Typography.Text>}
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('deliveries')}
          </Typography.Title>
        }
      >
        <Deliveries id={subscription.id} />
      </Card>
    </Space>
  );
}

export function WebhookDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['webhook', id], queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}', { params: { path: { id } } })) });
  return <QueryState query={query}>{(subscription) => <WebhookDetail subscription={subscription} />}</QueryState>;
}
