import { Form, Select, Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, MEDIA_LABELS, STATUS_LABELS } from '../../../i18n/labels';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Grant = Schemas['MarkGrantView'];
type GrantStatus = Grant['status'];

const FILTERS = ['status'] as const;

const messages = defineMessages({
  zh: {
    title: '认证标志',
    intro: '在证书详情页申请使用认证标志；批准后可在此订购防伪标签码。',
    models: '型号',
    certificate: '证书',
    status: '状态',
    anyStatus: '全部状态',
    media: '载体',
    requestedAt: '申请时间',
    decidedAt: '决定时间',
    empty: '没有标志使用申请',
    caption: '本企业的认证标志使用申请与授权',
  },
  en: {
    title: 'Certification marks',
    intro: "Request the mark from a certificate's page; once granted, order label codes here.",
    models: 'Models',
    certificate: 'Certificate',
    status: 'Status',
    anyStatus: 'Any status',
    media: 'Media',
    requestedAt: 'Requested',
    decidedAt: 'Decided',
    empty: 'No mark grants',
    caption: "Your enterprise's requests and grants to use the mark",
  },
});

export function MarkGrantsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);

  const columns: TableColumnsType<Grant> = [
    { title: t('models'), key: 'models', render: (_, g) => <Link to={`/marks/${g.id}`}>{g.products.map((p) => p.model).join(', ')}</Link> },
    { title: t('status'), dataIndex: 'status', render: (s: GrantStatus) => <StatusTag family="markGrant" status={s} /> },
    { title: t('certificate'), key: 'certificate', render: (_, g) => <Link to={`/certificates/${g.certificate.id}`}>{g.certificate.number}</Link> },
    { title: t('media'), dataIndex: 'media', render: (media: Grant['media']) => media.map((m) => labelOf(MEDIA_LABELS, m, language)).join('、') },
    { title: t('requestedAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
    { title: t('decidedAt'), dataIndex: 'decidedAt', render: (d: string | null) => formatDateTime(d) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <Form layout="inline">
        <Form.Item label={t('status')} htmlFor="mark-grants-status">
          <Select<GrantStatus | undefined>
            id="mark-grants-status"
            allowClear
            placeholder={t('anyStatus')}
            style={{ width: 140 }}
            value={(filters.status as GrantStatus | undefined) ?? undefined}
            onChange={(status) => setFilters({ status })}
            options={(Object.keys(STATUS_LABELS.markGrant) as GrantStatus[]).map((s) => ({ value: s, label: STATUS_LABELS.markGrant[s][language] }))}
          />
        </Form.Item>
      </Form>
      <PagedTable<Grant>
        queryKey={['mark-grants', filters]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/mark-grants', { params: { query: { page: p, pageSize: size, status: filters.status as GrantStatus | undefined } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        caption={t('caption')}
        empty={t('empty')}
      />
    </Space>
  );
}
