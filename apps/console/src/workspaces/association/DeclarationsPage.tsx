import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { formatDate } from '../../shared/dates';
import { PagedTable } from '../../shared/PagedTable';
import { StatusTag } from '../../shared/StatusTag';
import { useListParams } from '../../shared/url-state';
import { ListSearch } from '../../shared/ListSearch';
import { StatusSelect } from '../../shared/StatusFilter';

const messages = defineMessages({
  zh: {
    title: '自我声明',
    product: '产品',
    enterprise: '企业',
    standard: '依据标准',
    version: '版本',
    status: '状态',
    publishedAt: '公开日期',
    search: '搜索产品或企业',
    caption: '企业公开的自我声明',
  },
  en: {
    title: 'Self-declarations',
    product: 'Product',
    enterprise: 'Enterprise',
    standard: 'Standard',
    version: 'Version',
    status: 'Status',
    publishedAt: 'Published',
    search: 'Search product or enterprise',
    caption: 'Self-declarations published by enterprises',
  },
});

const FILTERS = ['status', 'q'] as const;
type Declaration = Schemas['SelfDeclarationView'];

export default function DeclarationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect family="declaration" label={t('status')} value={filters.status} onChange={(status) => setFilters({ status })} />
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} width={260} />
      </Space>
      <PagedTable<Declaration>
        queryKey={['self-declarations', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/self-declarations', {
              params: { query: { page: p, pageSize: size, status: filters.status as Declaration['status'] | undefined, q: filters.q } },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          {
            title: t('product'),
            key: 'product',
            render: (_, d) => <Link to={`/declarations/${d.id}`}>{language === 'en' && d.productNameEn ? d.productNameEn : d.productNameZh}</Link>,
          },
          {
            title: t('enterprise'),
            key: 'enterprise',
            render: (_, d) => (language === 'en' && d.enterprise.nameEn ? d.enterprise.nameEn : d.enterprise.nameZh),
          },
          { title: t('standard'), key: 'standard', render: (_, d) => `${d.standard.code}-${d.standard.version}` },
          { title: t('version'), dataIndex: 'version' },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="declaration" status={s} /> },
          { title: t('publishedAt'), dataIndex: 'publishedAt', render: (d: string) => formatDate(d) },
        ]}
      />
    </>
  );
}
