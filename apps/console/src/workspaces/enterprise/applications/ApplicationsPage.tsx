import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { APPLICATION_KIND_LABELS, labelOf } from '../../../i18n/labels';
import { formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { ListSearch } from '../../../shared/ListSearch';
import { StatusSelect } from '../../../shared/StatusFilter';

type Summary = Schemas['ApplicationSummary'];

const FILTERS = ['status', 'q'] as const;

const messages = defineMessages({
  zh: {
    title: '认证申请',
    create: '新建申请',
    status: '状态',
    allStatuses: '全部状态',
    search: '搜索申请编号或产品',
    number: '申请编号',
    entry: '产品或服务类别',
    kind: '申请类型',
    standard: '标准',
    body: '认证机构',
    submittedAt: '提交日期',
    updatedAt: '更新日期',
    empty: '还没有认证申请',
    caption: '本企业的认证申请',
  },
  en: {
    title: 'Applications',
    create: 'New application',
    status: 'Status',
    allStatuses: 'All statuses',
    search: 'Search numbers or products',
    number: 'Number',
    entry: 'Catalogue entry',
    kind: 'Kind',
    standard: 'Standard',
    body: 'Certification body',
    submittedAt: 'Submitted',
    updatedAt: 'Updated',
    empty: 'No applications yet',
    caption: "The enterprise's applications",
  },
});

export default function ApplicationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const columns: TableColumnsType<Summary> = [
    { title: t('number'), key: 'number', render: (_, a) => <Link to={`/applications/${a.id}`}>{a.number}</Link> },
    { title: t('status'), key: 'status', render: (_, a) => <StatusTag family="application" status={a.status} /> },
    {
      title: t('kind'),
      key: 'kind',
      render: (_, a) =>
        a.certificateId ? (
          <Link to={`/certificates/${a.certificateId}`}>{labelOf(APPLICATION_KIND_LABELS, a.kind, language)}</Link>
        ) : (
          labelOf(APPLICATION_KIND_LABELS, a.kind, language)
        ),
    },
    { title: t('entry'), key: 'entry', render: (_, a) => a.catalogueEntry.nameZh },
    { title: t('standard'), key: 'standard', render: (_, a) => `${a.standard.code}-${a.standard.version}` },
    {
      title: t('body'),
      key: 'body',
      render: (_, a) => (language === 'en' && a.certificationBody.nameEn ? a.certificationBody.nameEn : a.certificationBody.nameZh),
    },
    { title: t('submittedAt'), key: 'submittedAt', render: (_, a) => formatDate(a.submittedAt) },
    { title: t('updatedAt'), key: 'updatedAt', render: (_, a) => formatDate(a.updatedAt) },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/applications/new')}>
          {t('create')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect
          family="application"
          label={t('status')}
          placeholder={t('allStatuses')}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          width={200}
        />
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} />
      </Space>
      <PagedTable<Summary>
        queryKey={['applications', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/applications', {
              params: { query: { page: p, pageSize: size, status: filters.status as Summary['status'] | undefined, q: filters.q } },
            }),
          )
        }
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
