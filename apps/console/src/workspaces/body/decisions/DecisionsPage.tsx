import { Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { useListParams } from '../../../shared/url-state';
import { ListSearch } from '../../../shared/ListSearch';

type Summary = Schemas['ApplicationSummary'];

const FILTERS = ['q'] as const;

const messages = defineMessages({
  zh: {
    title: '待认证决定',
    intro: '评价已完成、等待认证决定的申请。',
    search: '搜索申请',
    searchPlaceholder: '申请编号、企业名称或产品',
    number: '申请编号',
    decide: '决定 {number}',
    enterprise: '企业',
    product: '认证目录',
    updatedAt: '评价完成时间',
    empty: '没有等待决定的申请',
  },
  en: {
    title: 'Decisions due',
    intro: 'Applications whose evaluation is complete, awaiting the certification decision.',
    search: 'Search applications',
    searchPlaceholder: 'Number, enterprise or product',
    number: 'Number',
    decide: 'Decide {number}',
    enterprise: 'Enterprise',
    product: 'Catalogue entry',
    updatedAt: 'Evaluation completed',
    empty: 'No application awaits a decision',
  },
});

export default function DecisionsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const columns: TableColumnsType<Summary> = [
    { title: t('number'), dataIndex: 'number', render: (_, row) => <Link to={`/applications/${row.id}/decision`}>{t('decide', { number: row.number })}</Link> },
    {
      title: t('enterprise'),
      key: 'enterprise',
      render: (_, row) => (language === 'en' && row.enterprise.nameEn ? row.enterprise.nameEn : row.enterprise.nameZh),
    },
    { title: t('product'), key: 'catalogue', render: (_, row) => row.catalogueEntry.nameZh },
    { title: t('updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <ListSearch label={t('search')} placeholder={t('searchPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} width={300} />
      </Space>
      <PagedTable<Summary>
        queryKey={['applications', 'awaiting_decision', filters.q ?? null]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/applications', { params: { query: { page: p, pageSize: size, status: 'awaiting_decision', q: filters.q } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        empty={t('empty')}
      />
    </>
  );
}
