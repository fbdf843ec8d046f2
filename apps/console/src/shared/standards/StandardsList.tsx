import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { labelOf, STANDARD_KIND_LABELS } from '../../i18n/labels';
import { formatDate } from '../dates';
import { PagedTable } from '../PagedTable';
import { StatusTag } from '../StatusTag';
import { useListParams } from '../url-state';
import { PageTitle } from '../PageTitle';
import { ListSearch } from '../ListSearch';
import { StatusSelect } from '../StatusFilter';

const messages = defineMessages({
  zh: {
    title: '标准',
    add: '新增标准',
    code: '标准号',
    version: '版本',
    titleCol: '标准名称',
    kind: '标准类型',
    status: '状态',
    categories: '适用类别',
    category: '类别代码',
    publishedOn: '发布日期',
    search: '搜索标准号或名称',
    caption: '平台收录的标准',
  },
  en: {
    title: 'Standards',
    add: 'Add a standard',
    code: 'Code',
    version: 'Version',
    titleCol: 'Title',
    kind: 'Kind',
    status: 'Status',
    categories: 'Categories',
    category: 'Category code',
    publishedOn: 'Published on',
    search: 'Search code or title',
    caption: 'Standards on the platform',
  },
});

const FILTERS = ['categoryCode', 'kind', 'status', 'q'] as const;
type Summary = Schemas['StandardSummary'];

/** The standards list; `manage` (the regulator) adds the way to a new standard. */
export function StandardsList({ manage = false }: { manage?: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title={t('title')}>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/standards/new')}>
            {t('add')}
          </Button>
        )}
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('category')}
          placeholder={t('category')}
          allowClear
          key={`c${filters.categoryCode ?? ''}`}
          defaultValue={filters.categoryCode}
          style={{ width: 160 }}
          onSearch={(v) => setFilters({ categoryCode: v.trim() })}
        />
        <Select
          aria-label={t('kind')}
          placeholder={t('kind')}
          allowClear
          style={{ width: 160 }}
          value={filters.kind}
          options={Object.keys(STANDARD_KIND_LABELS).map((k) => ({ value: k, label: labelOf(STANDARD_KIND_LABELS, k, language) }))}
          onChange={(kind?: string) => setFilters({ kind })}
        />
        <StatusSelect family="standard" label={t('status')} value={filters.status} onChange={(status) => setFilters({ status })} width={140} />
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} width={260} />
      </Space>
      <PagedTable<Summary>
        queryKey={['standards', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/standards', {
              params: {
                query: {
                  page: p,
                  pageSize: size,
                  categoryCode: filters.categoryCode,
                  kind: filters.kind as Summary['kind'] | undefined,
                  status: filters.status as Summary['status'] | undefined,
                  q: filters.q,
                },
              },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('code'), key: 'code', render: (_, s) => <Link to={`/standards/${s.id}`}>{s.code}</Link> },
          { title: t('version'), dataIndex: 'version' },
          { title: t('titleCol'), key: 'title', render: (_, s) => (language === 'en' && s.titleEn ? s.titleEn : s.titleZh) },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => labelOf(STANDARD_KIND_LABELS, k, language) },
          { title: t('categories'), dataIndex: 'categoryCodes', render: (c: string[]) => c.join(', ') },
          { title: t('publishedOn'), dataIndex: 'publishedOn', render: (d: string | null) => formatDate(d) },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="standard" status={s} /> },
        ]}
      />
    </>
  );
}
