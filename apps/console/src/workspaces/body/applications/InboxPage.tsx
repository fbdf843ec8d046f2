import { ApplicationKind, useKindTitle } from './ApplicationKind';
import { Select, Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { STATUS_LABELS } from '../../../i18n/labels';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { ListSearch } from '../../../shared/ListSearch';

type Summary = Schemas['ApplicationSummary'];
type Status = Summary['status'];

const FILTERS = ['status', 'q'] as const;
/** The inbox opens on what waits for a reviewer; "all" is asked for explicitly. */
const DEFAULT_STATUS: Status = 'submitted';
const ALL = 'all';
const BODY_STATUSES: Status[] = [
  'submitted',
  'under_review',
  'info_requested',
  'accepted',
  'rejected',
  'in_evaluation',
  'awaiting_decision',
  'granted',
  'refused',
  'withdrawn',
];

const messages = defineMessages({
  zh: {
    title: '申请收件箱',
    status: '状态',
    all: '全部状态',
    search: '搜索申请',
    searchPlaceholder: '申请编号、企业名称或产品',
    number: '申请编号',
    enterprise: '企业',
    product: '认证目录',
    standard: '标准',
    submittedAt: '提交时间',
    empty: '没有符合条件的申请',
    caption: '提交给本机构的申请',
  },
  en: {
    title: 'Application inbox',
    status: 'Status',
    all: 'All statuses',
    search: 'Search applications',
    searchPlaceholder: 'Number, enterprise or product',
    number: 'Number',
    enterprise: 'Enterprise',
    product: 'Catalogue entry',
    standard: 'Standard',
    submittedAt: 'Submitted',
    empty: 'No application matches',
    caption: 'Applications submitted to this body',
  },
});

export default function InboxPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const status = filters.status ?? DEFAULT_STATUS;
  const statusFilter = status === ALL ? undefined : (status as Status);

  const kindTitle = useKindTitle();
  const columns: TableColumnsType<Summary> = [
    { title: t('number'), dataIndex: 'number', render: (_, row) => <Link to={`/applications/${row.id}`}>{row.number}</Link> },
    {
      title: t('enterprise'),
      key: 'enterprise',
      render: (_, row) => (language === 'en' && row.enterprise.nameEn ? row.enterprise.nameEn : row.enterprise.nameZh),
    },
    { title: t('product'), key: 'catalogue', render: (_, row) => row.catalogueEntry.nameZh },
    { title: kindTitle, key: 'kind', render: (_, row) => <ApplicationKind kind={row.kind} certificateId={row.certificateId} /> },
    { title: t('standard'), key: 'standard', render: (_, row) => `${row.standard.code}-${row.standard.version}` },
    { title: t('status'), dataIndex: 'status', render: (value: Status) => <StatusTag family="application" status={value} /> },
    { title: t('submittedAt'), dataIndex: 'submittedAt', render: (value: string | null) => formatDateTime(value) },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          style={{ width: 200 }}
          value={status}
          onChange={(value: string) => setFilters({ status: value })}
          options={[{ value: ALL, label: t('all') }, ...BODY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS.application[s][language] }))]}
        />
        <ListSearch label={t('search')} placeholder={t('searchPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} width={300} />
      </Space>
      <PagedTable<Summary>
        queryKey={['applications', 'inbox', statusFilter ?? null, filters.q ?? null]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/applications', { params: { query: { page: p, pageSize: size, status: statusFilter, q: filters.q } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        caption={t('caption')}
        empty={t('empty')}
      />
    </>
  );
}
