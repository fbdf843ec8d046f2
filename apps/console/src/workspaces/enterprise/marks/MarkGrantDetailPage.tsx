import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, MEDIA_LABELS } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { LabelBatchPanel } from './LabelBatchPanel';

type Grant = Schemas['MarkGrantView'];

const messages = defineMessages({
  zh: {
    title: '认证标志使用',
    back: '返回认证标志列表',
    certificate: '证书',
    status: '状态',
    media: '载体',
    requestedAt: '申请时间',
    decidedAt: '决定时间',
    reason: '认证机构意见',
    products: '使用标志的产品',
    model: '型号',
    product: '产品名称',
    brand: '品牌',
  },
  en: {
    title: 'Mark grant',
    back: 'Back to the marks',
    certificate: 'Certificate',
    status: 'Status',
    media: 'Media',
    requestedAt: 'Requested',
    decidedAt: 'Decided',
    reason: "The certification body's reason",
    products: 'Products carrying the mark',
    model: 'Model',
    product: 'Product',
    brand: 'Brand',
  },
});

function GrantDetail({ grant }: { grant: Grant }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/marks">← {t('back')}</Link>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title')} · {grant.products.map((p) => p.model).join(', ')}
        </Typography.Title>
        <StatusTag family="markGrant" status={grant.status} />
      </Space>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('certificate')}>
            <Space size={4}>
              <Link to={`/certificates/${grant.certificate.id}`}>{grant.certificate.number}</Link>
              <StatusTag family="certificate" status={grant.certificate.status} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('media')}>{grant.media.map((m) => labelOf(MEDIA_LABELS, m, language)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('requestedAt')}>{formatDateTime(grant.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('decidedAt')}>{formatDateTime(grant.decidedAt)}</Descriptions.Item>
          {grant.reason && <Descriptions.Item label={t('reason')}>{grant.reason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('products')}
          </Typography.Title>
        }
      >
        <Table
          rowKey="model"
          size="small"
          pagination={false}
          dataSource={grant.products}
          columns={[
            { title: t('model'), dataIndex: 'model' },
            { title: t('product'), dataIndex: 'nameZh' },
            { title: t('brand'), dataIndex: 'brand' },
          ]}
        />
      </Card>
      <LabelBatchPanel grant={grant} canOrder={hasRole(session, 'enterprise_admin')} />
    </Space>
  );
}

export function MarkGrantDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['mark-grant', id], queryFn: () => unwrap(api.GET('/api/v1/mark-grants/{id}', { params: { path: { id } } })) });
  return <QueryState query={query}>{(grant) => <GrantDetail grant={grant} />}</QueryState>;
}
