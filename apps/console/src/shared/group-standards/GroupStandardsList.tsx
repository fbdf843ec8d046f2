import { Select, Space } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { formatDate } from '../dates';
import { PagedTable } from '../PagedTable';
import { StatusTag } from '../StatusTag';
import { useListParams } from '../url-state';
import { ListSearch } from '../ListSearch';
import { StatusSelect } from '../StatusFilter';

const messages = defineMessages({
  zh: {
    number: '编号',
    name: '名称',
    association: '发布团体',
    status: '状态',
    publishedOn: '发布日期',
    search: '搜索编号或名称（至少 2 个字）',
    empty: '没有符合条件的团体标准',
  },
  en: {
    number: 'Number',
    name: 'Title',
    association: 'Association',
    status: 'Status',
    publishedOn: 'Published',
    search: 'Search number or title (2 characters or more)',
    empty: 'No group standard matches',
  },
});

const FILTERS = ['status', 'q', 'associationId'] as const;
type GroupStandard = Schemas['GroupStandardSummary'];
type Status = GroupStandard['status'];

/**
 * Group standards paged on the server, their status and search in the URL. Given `associations`
 * (the regulator's view of every association), it filters and shows by association too.
 */
export function GroupStandardsList({ caption, associations }: { caption: string; associations?: { value: string; label: string }[] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const associationId = associations ? filters.associationId : undefined;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect family="groupStandard" label={t('status')} value={filters.status} onChange={(status) => setFilters({ status })} />
        {associations && (
          <Select
            aria-label={t('association')}
            placeholder={t('association')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            value={associationId}
            options={associations}
            onChange={(id?: string) => setFilters({ associationId: id })}
          />
        )}
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} />
      </Space>
      <PagedTable<GroupStandard>
        queryKey={['group-standards', { ...filters, associationId }]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/group-standards', {
              params: { query: { page: p, pageSize: size, status: filters.status as Status | undefined, q: filters.q, associationId } },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={caption}
        empty={t('empty')}
        columns={[
          { title: t('number'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
          {
            title: t('name'),
            key: 'name',
            render: (_, g) => <Link to={`/group-standards/${g.id}`}>{language === 'en' && g.titleEn ? g.titleEn : g.titleZh}</Link>,
          },
          ...(associations
            ? [
                {
                  title: t('association'),
                  key: 'association',
                  render: (_: unknown, g: GroupStandard) => (language === 'en' && g.association.nameEn ? g.association.nameEn : g.association.nameZh),
                },
              ]
            : []),
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="groupStandard" status={s} /> },
          { title: t('publishedOn'), dataIndex: 'publishedOn', render: (d: string | null) => (d ? formatDate(d) : '—') },
        ]}
      />
    </>
  );
}
