import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Progress, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { ErrorState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';

type Batch = Schemas['LabelBatchView'];

const messages = defineMessages({
  zh: {
    title: '防伪标签码',
    intro: '为印制认证标志订购标签码：每个码对应一个可扫码验真的二维码。生成完成后可下载 CSV。',
    quantity: '数量',
    order: '订购标签码',
    quantityRequired: '请填写 1 至 1,000,000 之间的数量',
    batch: '本次订购',
    progress: '已生成 {generated} / {total}',
    orderedAt: '订购时间 {at}',
    readyAt: '完成时间 {at}',
    download: '下载 CSV',
    generating: '正在生成，请稍候…',
    adminOnly: '只有企业管理员可以订购标签码。',
    notGranted: '标志使用获批后才能订购标签码。',
    history: '本页仅显示最近一次订购；已订购的标签码 CSV 请在订购后及时下载保存。',
  },
  en: {
    title: 'Label codes',
    intro: 'Order codes for printed marks: each code is a QR code anyone can scan to verify. Download the CSV once they are generated.',
    quantity: 'Quantity',
    order: 'Order label codes',
    quantityRequired: 'Enter a quantity from 1 to 1,000,000',
    batch: 'This order',
    progress: '{generated} of {total} generated',
    orderedAt: 'Ordered {at}',
    readyAt: 'Ready {at}',
    download: 'Download CSV',
    generating: 'Generating, please wait…',
    adminOnly: "Only the enterprise's administrator can order label codes.",
    notGranted: 'Label codes can be ordered once the mark is granted.',
    history: 'This page shows the latest order only: download its CSV and keep it.',
  },
});

/** One batch, followed until the worker has generated every code: a progress bar, then its CSV. */
function BatchProgress({ batchId }: { batchId: string }) {
  const t = useT(messages);
  const query = useQuery({
    queryKey: ['label-batch', batchId],
    queryFn: () => unwrap(api.GET('/api/v1/label-batches/{id}', { params: { path: { id: batchId } } })),
    // Poll while the worker generates; a ready batch does not change again.
    refetchInterval: (q) => (q.state.data?.status === 'ready' || q.state.error ? false : 1000),
  });
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const batch: Batch | undefined = query.data;
  if (!batch) return <Progress percent={0} status="active" aria-label={t('generating')} />;
  const percent = batch.quantity ? Math.floor((batch.generated / batch.quantity) * 100) : 0;
  const ready = batch.status === 'ready';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('batch')}</Typography.Text>
        <StatusTag family="labelBatch" status={batch.status} />
        <Typography.Text type="secondary">{t('orderedAt', { at: formatDateTime(batch.createdAt) })}</Typography.Text>
        {batch.readyAt && <Typography.Text type="secondary">{t('readyAt', { at: formatDateTime(batch.readyAt) })}</Typography.Text>}
      </Space>
      <Progress
        percent={ready ? 100 : percent}
        status={ready ? 'success' : 'active'}
        aria-label={t('progress', { generated: batch.generated, total: batch.quantity })}
        format={() => t('progress', { generated: batch.generated.toLocaleString(), total: batch.quantity.toLocaleString() })}
        style={{ maxWidth: 640 }}
      />
      <div aria-live="polite">
        {ready ? (
          <Button type="primary" icon={<DownloadOutlined />} href={`/api/v1/label-batches/${batch.id}/codes.csv`} download>
            {t('download')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('generating')}</Typography.Text>
        )}
      </div>
    </Space>
  );
}

/** Ordering label codes on a granted mark, and following the order. The batch just ordered is kept in the URL (?batch=). */
export function LabelBatchPanel({ grant, canOrder }: { grant: Schemas['MarkGrantView']; canOrder: boolean }) {
  const t = useT(messages);
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch');
  const [form] = Form.useForm<{ quantity: number }>();
  const { refusal, onError, clear } = useRefusal(form);

  const order = useMutation({
    mutationFn: (quantity: number) => unwrap(api.POST('/api/v1/mark-grants/{id}/label-batches', { params: { path: { id: grant.id } }, body: { quantity } })),
    onSuccess: (batch) => {
      queries.setQueryData(['label-batch', batch.id], batch);
      clear();
      form.resetFields();
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('batch', batch.id);
          return next;
        },
        { replace: true },
      );
    },
    onError,
  });

  const granted = grant.status === 'granted';
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('title')}
        </Typography.Title>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        {!granted && <Alert type="info" showIcon title={t('notGranted')} />}
        {granted && !canOrder && <Alert type="info" showIcon title={t('adminOnly')} />}
        {granted && canOrder && (
          <>
            <RefusalAlert refusal={refusal} />
            <Form form={form} layout="inline" onValuesChange={clear} onFinish={(values) => order.mutate(values.quantity)} style={{ rowGap: 8 }}>
              <Form.Item
                name="quantity"
                label={t('quantity')}
                rules={[{ required: true, type: 'integer', min: 1, max: 1_000_000, message: t('quantityRequired') }]}
              >
                <InputNumber precision={0} step={100} style={{ width: 180 }} placeholder="1000" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={order.isPending}>
                  {t('order')}
                </Button>
              </Form.Item>
            </Form>
          </>
        )}
        {batchId && <BatchProgress key={batchId} batchId={batchId} />}
        {batchId && <Typography.Text type="secondary">{t('history')}</Typography.Text>}
      </Space>
    </Card>
  );
}
