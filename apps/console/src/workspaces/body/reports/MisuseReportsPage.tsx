import { Form, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { statusLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Report = Schemas['MisuseReportView'];
const FILTERS = ['status'] as const;
const STATUSES: Report['status'][] = ['received', 'reviewing', 'closed'];

export const misuseMessages = defineMessages({
  zh: {
    title: '举报',
    status: '状态',
    all: '全部',
    reference: '编号',
    code: '证书号或标签码',
    certificate: '证书',
    description: '举报内容',
    createdAt: '收到时间',
    empty: '没有举报。',
  },
  en: {
    title: 'Misuse reports',
    status: 'Status',
    all: 'All',
    reference: 'Reference',
    code: 'Certificate number or label code',
    certificate: 'Certificate',
    description: 'Report',
    createdAt: 'Received',
    empty: 'No misuse report.',
  },
});

/** Reports of misused certificates and marks routed to this body, filtered by state in the URL. */
export default function MisuseReportsPage() {
  const t = useT(misuseMessages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const status = STATUSES.find((s) => s === filters.status);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('status')}>
          <Select
            aria-label={t('status')}
            style={{ minWidth: 160 }}
            value={status ?? ''}
            options={[{ value: '', label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: statusLabel('misuseReport', s, language) }))]}
            onChange={(v: string) => setFilters({ status: v || undefined })}
          />
        </Form.Item>
      </Form>
      <PagedTable<Report>
        queryKey={['misuse-reports', status ?? 'all']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/misuse-reports', { params: { query: { page: p, pageSize: size, ...(status ? { status } : {}) } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        empty={t('empty')}
        columns={[
          { title: t('reference'), dataIndex: 'reference', render: (v: string, r: Report) => <Link to={`/misuse-reports/${r.id}`}>{v}</Link> },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('code'), dataIndex: 'code', render: (v: string | null) => v ?? '—' },
          { title: t('certificate'), key: 'certificate', render: (_: unknown, r: Report) => r.certificate?.number ?? '—' },
          {
            title: t('description'),
            dataIndex: 'description',
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 320, margin: 0 }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag family="misuseReport" status={v} /> },
        ]}
      />
    </>
  );
}
