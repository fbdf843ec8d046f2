import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { ClampedText } from '../../../shared/ClampedText';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { StatusSelect } from '../../../shared/StatusFilter';

const messages = defineMessages({
  zh: {
    title: '举报',
    reference: '受理编号',
    code: '被举报的编码',
    certificate: '对应证书',
    whereSeen: '发现地点',
    status: '状态',
    createdAt: '举报时间',
    caption: '公众提交的冒用举报（全部认证机构）',
    unmatched: '未匹配证书',
  },
  en: {
    title: 'Misuse reports',
    reference: 'Reference',
    code: 'Code reported',
    certificate: 'Certificate',
    whereSeen: 'Where seen',
    status: 'Status',
    createdAt: 'Reported',
    caption: 'Misuse reports from the public (all certification bodies)',
    unmatched: 'No certificate matched',
  },
});

const FILTERS = ['status'] as const;
type Report = Schemas['MisuseReportView'];

export default function MisuseReportsPage() {
  const t = useT(messages);
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect family="misuseReport" label={t('status')} value={filters.status} onChange={(status) => setFilters({ status })} />
      </Space>
      <PagedTable<Report>
        queryKey={['misuse-reports', filters]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/misuse-reports', { params: { query: { page: p, pageSize: size, status: filters.status as Report['status'] | undefined } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('reference'), key: 'reference', render: (_, r) => <Link to={`/misuse-reports/${r.id}`}>{r.reference}</Link> },
          { title: t('code'), dataIndex: 'code' },
          { title: t('certificate'), key: 'certificate', render: (_, r) => r.certificate?.number ?? t('unmatched') },
          { title: t('whereSeen'), dataIndex: 'whereSeen', render: (where: string | null) => <ClampedText text={where} /> },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="misuseReport" status={s} /> },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
        ]}
      />
    </>
  );
}
