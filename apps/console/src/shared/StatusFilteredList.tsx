import { Typography, type TableColumnsType } from 'antd';
import type { StatusFamily } from '../i18n/labels';
import { defineMessages, useT } from '../i18n/language';
import { PagedTable, type Page } from './PagedTable';
import { StatusFilter } from './StatusFilter';
import { useListParams } from './url-state';

const FILTERS = ['status'] as const;

const messages = defineMessages({
  zh: { status: '状态', allStatuses: '全部状态' },
  en: { status: 'Status', allStatuses: 'All statuses' },
});

/**
 * A list page whose one filter is the status (kept in the URL, like the page): the title, the intro,
 * the status filter and the server-paged table. A status the URL names but the family lacks lists all.
 */
export function StatusFilteredList<T extends { id: string }, S extends string>({
  title,
  intro,
  family,
  statuses,
  listKey,
  fetchPage,
  columns,
  empty,
}: {
  title: string;
  intro: string;
  family: StatusFamily;
  statuses: readonly S[];
  /** Names the list in the query cache; the status is added to it. */
  listKey: string;
  fetchPage: (page: number, pageSize: number, status: S | undefined) => Promise<Page<T>>;
  columns: TableColumnsType<T>;
  empty: string;
}) {
  const t = useT(messages);
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const status = statuses.find((s) => s === filters.status);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <StatusFilter
        family={family}
        statuses={statuses}
        value={status}
        onChange={(value) => setFilters({ status: value })}
        label={t('status')}
        allLabel={t('allStatuses')}
      />
      <PagedTable<T>
        queryKey={[listKey, status ?? null]}
        fetchPage={(p, size) => fetchPage(p, size, status)}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        empty={empty}
      />
    </>
  );
}
